using Microsoft.AspNetCore.Authorization;

namespace CustomerInsight.Web.Security;

/// <summary>
/// Authorization policies, one per kind of access of product.md. Pages, actions and downloads
/// name a policy; the server checks it on every request and every circuit event.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in role: dashboards, aggregates, OMOC read.</summary>
    public const string Reader = nameof(Reader);

    /// <summary>Customer lists, the 360 view and survey comments: personal data.</summary>
    public const string CustomerData = nameof(CustomerData);

    /// <summary>The comment themes: editing the versioned theme set.</summary>
    public const string ThemeEdit = nameof(ThemeEdit);

    /// <summary>Custom segments: defining and versioning them, exporting a segment's audience.</summary>
    public const string Segmentation = nameof(Segmentation);

    /// <summary>Data imports.</summary>
    public const string Import = nameof(Import);

    /// <summary>Excel exports of KPIs, segments and customers.</summary>
    public const string Export = nameof(Export);

    /// <summary>Creating and scoring OMOC projects, populations and workshops.</summary>
    public const string OmocEdit = nameof(OmocEdit);

    /// <summary>The OMOC report for the steering committee.</summary>
    public const string OmocExport = nameof(OmocExport);

    /// <summary>The sociodynamic map (page, data, report sheet): the method keeps it to a very small group.</summary>
    public const string Sociodynamics = nameof(Sociodynamics);

    /// <summary>Change saturation across projects.</summary>
    public const string OmocSaturation = nameof(OmocSaturation);

    /// <summary>Good data: quality of the customer base and reconciliation (merges, undo); shows identities.</summary>
    public const string DataQuality = nameof(DataQuality);

    /// <summary>Value and churn (product.md page 10): analysts and executives; only analysts (and admins) see customers.</summary>
    public const string Value = nameof(Value);

    /// <summary>Privacy operations, audit log, users and settings.</summary>
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [Reader] = [Roles.Executive, Roles.Analyst, Roles.ChangeManager, Roles.Admin],
        [CustomerData] = [Roles.Analyst, Roles.Admin],
        [ThemeEdit] = [Roles.Analyst, Roles.Admin],
        [Segmentation] = [Roles.Analyst, Roles.Admin],
        [Import] = [Roles.Analyst, Roles.Admin],
        [Export] = [Roles.Analyst, Roles.Admin],
        [OmocEdit] = [Roles.ChangeManager, Roles.Admin],
        [OmocExport] = [Roles.ChangeManager, Roles.Analyst, Roles.Admin],
        [Sociodynamics] = [Roles.ChangeManager, Roles.Admin],
        [OmocSaturation] = [Roles.Executive, Roles.ChangeManager, Roles.Admin],
        [DataQuality] = [Roles.Analyst, Roles.Admin],
        [Value] = [Roles.Executive, Roles.Analyst, Roles.Admin],
        [Admin] = [Roles.Admin],
    };

    public static AuthorizationBuilder AddInsightPolicies(this AuthorizationBuilder builder)
    {
        foreach (var (policy, roles) in RolesByPolicy)
        {
            builder.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }
        return builder;
    }
}
