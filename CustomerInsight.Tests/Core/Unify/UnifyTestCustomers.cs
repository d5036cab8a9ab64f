namespace CustomerInsight.Tests.Core.Unify;

/// <summary>
/// The reconciliation tests' people recorded twice: a store and a web record of Hélène Saint-Éloi (same phone written two
/// ways, name with accents and hyphen) and of Marc Petit (same e-mail, other case and spaces), as a customers file.
/// </summary>
public static class UnifyTestCustomers
{
    public const string HeleneAndMarc = "CustomerId,FirstName,LastName,Email,Phone,PostalCode,City,Country,CreatedAt\n" +
        "STORE-1,Hélène,Saint-Éloi,,06 12 34 56 78,69003,Lyon,France,2023-01-10\n" +
        "WEB-1,Helene,Saint Eloi,helene@exemple.fr,+33 6 12 34 56 78,69003,,France,2025-03-01\n" +
        "STORE-2,Marc,Petit,marc@exemple.fr,,,,France,2023-02-01\n" +
        "WEB-2,Marc,Petit, MARC@exemple.FR ,,,,France,2025-01-01\n";
}
