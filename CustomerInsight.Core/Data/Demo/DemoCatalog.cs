namespace CustomerInsight.Core.Data.Demo;

/// <summary>Fixed vocabularies of the demo company (a French household-appliance retailer).</summary>
internal static class DemoCatalog
{
    internal sealed record Product(string Code, string Description, decimal Price);

    internal static readonly Product[] Products =
    [
        new("LL-8KG", "Lave-linge hublot 8 kg", 449.00m),
        new("LL-10KG", "Lave-linge hublot 10 kg A+++", 629.00m),
        new("SL-9KG", "Sèche-linge pompe à chaleur 9 kg", 579.00m),
        new("LV-13C", "Lave-vaisselle 13 couverts", 399.00m),
        new("LV-14CI", "Lave-vaisselle encastrable 14 couverts", 549.00m),
        new("RF-COMBI", "Réfrigérateur combiné 300 L", 499.00m),
        new("RF-US", "Réfrigérateur américain 600 L", 1199.00m),
        new("CG-200", "Congélateur armoire 200 L", 429.00m),
        new("FO-PYRO", "Four encastrable pyrolyse", 479.00m),
        new("MO-25", "Micro-ondes gril 25 L", 139.90m),
        new("PL-IND", "Plaque à induction 4 foyers", 389.00m),
        new("HT-90", "Hotte aspirante 90 cm", 299.00m),
        new("AS-BAL", "Aspirateur balai sans fil", 249.99m),
        new("AS-ROB", "Aspirateur robot laveur", 399.99m),
        new("CA-EXP", "Machine à expresso broyeur", 449.00m),
        new("CA-CAP", "Machine à capsules", 89.99m),
        new("BL-CHF", "Blender chauffant", 129.90m),
        new("RB-MUL", "Robot multifonction", 219.00m),
        new("BO-ELC", "Bouilloire électrique 1,7 L", 39.90m),
        new("GR-PAIN", "Grille-pain 2 fentes", 34.90m),
        new("FR-AIR", "Friteuse sans huile 5,5 L", 119.00m),
        new("FE-VAP", "Centrale vapeur", 179.00m),
        new("CL-MOB", "Climatiseur mobile", 349.00m),
        new("PU-AIR", "Purificateur d'air", 199.00m),
        new("GAR-2", "Extension de garantie 2 ans", 59.00m),
        new("LIV-INST", "Livraison et installation", 49.00m),
        new("FIL-EAU", "Filtre à eau réfrigérateur", 29.90m),
        new("SAC-ASP", "Sacs aspirateur (lot de 10)", 14.90m),
    ];

    internal static readonly string[] FirstNames =
    [
        "Camille", "Léa", "Manon", "Chloé", "Emma", "Inès", "Sarah", "Julie", "Laura", "Marie", "Anaïs", "Clara", "Lucie", "Pauline", "Océane",
        "Lucas", "Hugo", "Thomas", "Nathan", "Louis", "Théo", "Antoine", "Maxime", "Nicolas", "Julien", "Pierre", "Alexandre", "Mathieu",
        "Kevin", "Romain", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Christophe", "Philippe", "Laurent", "Stéphane", "Sébastien",
        "Valérie", "Sandrine", "Éric", "Olivier", "Céline", "Aurélie",
    ];

    internal static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefèvre",
        "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent",
        "Muller", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
        "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry",
    ];

    internal sealed record City(string Name, string PostalCode, string Country, int Weight);

    internal static readonly City[] Cities =
    [
        new("Paris", "75011", "France", 18), new("Lyon", "69003", "France", 10), new("Marseille", "13008", "France", 9),
        new("Toulouse", "31000", "France", 7), new("Nice", "06000", "France", 5), new("Nantes", "44000", "France", 6),
        new("Strasbourg", "67000", "France", 5), new("Montpellier", "34000", "France", 5), new("Bordeaux", "33000", "France", 6),
        new("Lille", "59000", "France", 6), new("Rennes", "35000", "France", 4), new("Reims", "51100", "France", 3),
        new("Grenoble", "38000", "France", 3), new("Dijon", "21000", "France", 2), new("Angers", "49000", "France", 2),
        new("Bruxelles", "1000", "Belgique", 3), new("Liège", "4000", "Belgique", 1), new("Genève", "1201", "Suisse", 2),
        new("Lausanne", "1003", "Suisse", 1), new("Luxembourg", "1111", "Luxembourg", 1),
    ];

    internal static readonly string[] PositiveComments =
    [
        "Livraison rapide et installateur très professionnel.",
        "Conseiller en magasin à l'écoute, je recommande.",
        "Très satisfait de mon lave-linge, silencieux et efficace.",
        "Commande simple sur le site, produit conforme.",
        "Service client réactif, problème réglé en un appel.",
        "Bon rapport qualité-prix, je reviendrai.",
        "Retrait en magasin en moins d'une heure, parfait.",
    ];

    internal static readonly string[] NeutralComments =
    [
        "Produit correct mais délai de livraison un peu long.",
        "Rien à redire, sans plus.",
        "Prix un peu élevés par rapport à la concurrence.",
        "Site agréable mais peu d'informations sur les délais.",
    ];

    internal static readonly string[] NegativeComments =
    [
        "Livraison en retard de deux semaines, aucune information.",
        "Appareil arrivé abîmé, le retour a été compliqué.",
        "Impossible de joindre le service client.",
        "Installation mal faite, il a fallu rappeler le technicien.",
        "Produit en panne au bout de trois mois.",
    ];

    internal static readonly string[] ConsentSources = ["site web", "magasin", "centre d'appels", "application mobile"];
}
