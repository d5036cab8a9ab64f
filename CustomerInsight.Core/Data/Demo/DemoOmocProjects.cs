using CustomerInsight.Core.Omoc;

namespace CustomerInsight.Core.Data.Demo;

/// <summary>
/// The demo company's two change projects, with dated workshops. The store sellers' impact goes
/// down between workshops (they adapt), and the after-sales technicians are flagged "very low".
/// Each project has actors on its sociodynamic map with two dated readings (so movement shows);
/// organisation units are shared by both projects (the Lyon site is saturated in June 2026, the one
/// month the two windows share); the plan has actions in every status, one of them late.
/// </summary>
public static class DemoOmocProjects
{
    public static IReadOnlyList<ChangeProject> Create()
    {
        var checkout = new ChangeProject
        {
            Name = "Nouveau logiciel de caisse",
            Description = "Remplacement du logiciel de caisse des 48 magasins et passage au ticket dématérialisé.",
            Sponsor = "Directrice des opérations",
            StartDate = new DateOnly(2025, 9, 1),
            GoLiveDate = new DateOnly(2026, 3, 2),
        };
        var sellers = AddPopulation(checkout, "Vendeurs en magasin", 420, "Conseil et encaissement en magasin");
        var managers = AddPopulation(checkout, "Responsables de magasin", 48, "Pilotage du magasin et des équipes");
        var accounting = AddPopulation(checkout, "Comptabilité", 22, "Clôtures de caisse et rapprochements");
        var technicians = AddPopulation(checkout, "Techniciens SAV", 35, "Interventions à domicile, hors magasin");

        var w1 = AddWorkshop(checkout, "Atelier de cadrage", new DateOnly(2025, 10, 14), "Claire Dumas",
            "12 vendeurs, 6 responsables, 3 comptables, 2 techniciens", WorkshopPhase.BeforeGoLive);
        Assess(w1, sellers, (4, "Nouvel écran tactile et nouveaux parcours d'encaissement"), (3, "Conseil client associé à l'encaissement mobile"),
            (3, "Rotation des postes de caisse revue"), (3, "Fin du ticket papier, habitudes bousculées"));
        Assess(w1, managers, (3, "Nouveaux tableaux de bord de caisse"), (2, "Peu de changement du métier"), (3, "Planification des caisses revue"),
            (2, "Adhésion forte au projet"));
        Assess(w1, accounting, (4, "Nouvel outil de clôture"), (3, "Rapprochements automatisés"), (2, "Circuit de validation inchangé"),
            (2, "Équipe habituée aux évolutions"));
        Assess(w1, technicians, (1, "Aucun usage de la caisse"), (1, "Métier inchangé"), (1, "Organisation inchangée"), (1, "Pas concernés"));

        var w2 = AddWorkshop(checkout, "Bilan à trois mois", new DateOnly(2026, 6, 9), "Claire Dumas", "10 vendeurs, 5 responsables, 3 comptables",
            WorkshopPhase.AfterGoLive);
        Assess(w2, sellers, (2, "Outil maîtrisé après la formation"), (2, "Encaissement mobile entré dans les habitudes"),
            (2, "Rotation stabilisée"), (2, "Ticket dématérialisé bien accepté"));
        Assess(w2, managers, (2, "Tableaux de bord adoptés"), (2, "Métier stable"), (2, "Plannings stabilisés"), (1, "Aucune résistance"));
        Assess(w2, accounting, (3, "Quelques anomalies de clôture"), (3, "Rapprochements encore manuels en partie"), (2, "Inchangé"),
            (2, "Inchangé"), AssessmentStatus.Draft);

        var omnichannel = new ChangeProject
        {
            Name = "Parcours client omnicanal",
            Description = "Click & collect en 2 heures, vente à distance depuis le magasin et dossier client unique.",
            Sponsor = "Directeur commercial",
            StartDate = new DateOnly(2026, 6, 1),
            GoLiveDate = new DateOnly(2026, 11, 2),
        };
        var pickers = AddPopulation(omnichannel, "Préparateurs de commandes", 120, "Préparation en entrepôt et en réserve");
        var service = AddPopulation(omnichannel, "Service client", 65, "Centre d'appels et messagerie");
        var marketing = AddPopulation(omnichannel, "Marketing", 18, "Campagnes et fidélité");
        var stores = AddPopulation(omnichannel, "Vendeurs en magasin", 420, "Vente et retrait des commandes");

        var w3 = AddWorkshop(omnichannel, "Atelier d'impact initial", new DateOnly(2026, 6, 16), "Karim Benali",
            "8 préparateurs, 6 conseillers, 4 marketeurs, 10 vendeurs", WorkshopPhase.BeforeGoLive);
        Assess(w3, pickers, (3, "Terminaux de préparation"), (4, "Préparation en 2 heures"), (4, "Nouvelles équipes de nuit"),
            (3, "Culture de l'urgence"));
        Assess(w3, service, (4, "Dossier client unique"), (3, "Suivi des commandes multicanales"), (2, "Inchangée"), (3, "Posture de conseil"));
        Assess(w3, marketing, (2, "Outil de campagne inchangé"), (3, "Ciblage par segment"), (2, "Inchangée"), (2, "Inchangée"));
        Assess(w3, stores, (3, "Tablettes de vente"), (3, "Vente à distance"), (3, "Zone de retrait"),
            (4, "Le magasin devient un point de retrait"));

        var w4 = AddWorkshop(omnichannel, "Atelier de préparation au lancement", new DateOnly(2026, 9, 22), "Karim Benali",
            "6 préparateurs, 5 conseillers, 8 vendeurs", WorkshopPhase.BeforeGoLive);
        Assess(w4, pickers, (3, "Terminaux déployés"), (3, "Processus rodé en pilote"), (4, "Équipes de nuit à recruter"),
            (3, "Culture de l'urgence"));
        Assess(w4, service, (3, "Formation en cours"), (3, "Inchangé"), (2, "Inchangée"), (2, "Adhésion en progrès"));
        Assess(w4, stores, (3, "Tablettes livrées"), (3, "Scripts de vente à distance"), (3, "Zone de retrait installée"),
            (3, "Ambassadeurs nommés"));

        var storesUnit = new OrganisationUnit { Name = "Réseau des magasins" };
        var lyonUnit = new OrganisationUnit { Name = "Site de Lyon (entrepôt et siège)" };
        var serviceUnit = new OrganisationUnit { Name = "Relation client" };
        sellers.OrganisationUnit = storesUnit;
        managers.OrganisationUnit = storesUnit;
        stores.OrganisationUnit = storesUnit;
        accounting.OrganisationUnit = lyonUnit;
        pickers.OrganisationUnit = lyonUnit;
        technicians.OrganisationUnit = serviceUnit;
        service.OrganisationUnit = serviceUnit;

        Actor(checkout, sellers, null, null,
            (new DateOnly(2025, 10, 14), 2, 3, "Refus de tester le nouvel écran en pilote, mais présents à toutes les réunions"),
            (new DateOnly(2026, 6, 9), 3, 2, "Proposent eux-mêmes des raccourcis d'encaissement ; critiques sur les temps de réponse"));
        Actor(checkout, managers, null, null,
            (new DateOnly(2025, 10, 14), 3, 1, "Ont organisé les formations de leurs équipes sans qu'on le leur demande"),
            (new DateOnly(2026, 6, 9), 4, 2, "Ont lancé un concours interne du ticket dématérialisé ; signalent les anomalies"));
        Actor(checkout, null, "Directrice des opérations", "Sponsor",
            (new DateOnly(2025, 10, 14), 4, 1, "Arbitre les priorités et dégage le budget de formation"),
            (new DateOnly(2026, 6, 9), 4, 1, "Présente les résultats du pilote en comité de direction"));
        Actor(checkout, null, "Délégué du personnel", "Représentant des vendeurs",
            (new DateOnly(2025, 10, 14), 1, 4, "A demandé l'arrêt du projet en réunion du CSE et refuse les invitations"),
            (new DateOnly(2026, 6, 9), 2, 4, "Participe aux ateliers mais défend le maintien de l'ancienne caisse"));

        Actor(omnichannel, pickers, null, null,
            (new DateOnly(2026, 6, 16), 2, 3, "Pétition contre les équipes de nuit ; participent aux réunions d'information"),
            (new DateOnly(2026, 9, 22), 2, 4, "Menace de grève si les équipes de nuit sont imposées"));
        Actor(omnichannel, service, null, null,
            (new DateOnly(2026, 6, 16), 2, 2, "Suivent les formations sans poser de questions"),
            (new DateOnly(2026, 9, 22), 3, 3, "Proposent des scripts d'appel mais contestent les objectifs de délai"));
        Actor(omnichannel, stores, null, null,
            (new DateOnly(2026, 6, 16), 3, 2, "Ont aménagé eux-mêmes la zone de retrait en pilote"),
            (new DateOnly(2026, 9, 22), 3, 1, "Ambassadeurs volontaires dans chaque magasin pilote"));
        Actor(omnichannel, null, "Directeur commercial", "Sponsor",
            (new DateOnly(2026, 6, 16), 4, 2, "Porte le projet en comité et accepte les critiques des magasins"),
            (new DateOnly(2026, 9, 22), 4, 3, "Défend aussi un projet concurrent de marketplace"));

        return [checkout, omnichannel];
    }

    /// <summary>
    /// Actions taken up from the demo plans, in every status, with their history; one in progress past its due date (late).
    /// The populations are those of <paramref name="projects"/> as <see cref="Create"/> returns them.
    /// </summary>
    public static IReadOnlyList<PlanAction> PlanActions(IReadOnlyList<ChangeProject> projects)
    {
        ArgumentNullException.ThrowIfNull(projects);
        Population Find(string project, string population) =>
            projects.Single(p => p.Name == project).Populations.Single(p => p.Name == population);
        const string Checkout = "Nouveau logiciel de caisse";
        const string Omnichannel = "Parcours client omnicanal";
        return
        [
            Action(Find(Checkout, "Comptabilité"), OmocAxis.Tools, "Équipe projet caisse", new DateOnly(2026, 4, 15),
                new DateTime(2026, 1, 12, 9, 0, 0, DateTimeKind.Utc),
                (PlanActionStatus.InProgress, new DateTime(2026, 2, 2, 9, 0, 0, DateTimeKind.Utc)),
                    (PlanActionStatus.Done, new DateTime(2026, 4, 10, 16, 0, 0, DateTimeKind.Utc))),
            Action(Find(Checkout, "Comptabilité"), OmocAxis.Job, "Contrôleur de gestion", new DateOnly(2026, 5, 29),
                new DateTime(2026, 1, 12, 9, 5, 0, DateTimeKind.Utc),
                (PlanActionStatus.InProgress, new DateTime(2026, 3, 16, 10, 0, 0, DateTimeKind.Utc))),
            Action(Find(Omnichannel, "Préparateurs de commandes"), OmocAxis.Organisation, "Responsable entrepôt", new DateOnly(2026, 10, 15),
                new DateTime(2026, 6, 22, 8, 30, 0, DateTimeKind.Utc),
                (PlanActionStatus.InProgress, new DateTime(2026, 9, 28, 8, 30, 0, DateTimeKind.Utc))),
            Action(Find(Omnichannel, "Vendeurs en magasin"), OmocAxis.Culture, "Ambassadeurs magasins", new DateOnly(2027, 1, 29),
                new DateTime(2026, 9, 24, 14, 0, 0, DateTimeKind.Utc)),
            Action(Find(Omnichannel, "Service client"), OmocAxis.Tools, "Formateurs service client", new DateOnly(2027, 2, 26),
                new DateTime(2026, 9, 24, 14, 5, 0, DateTimeKind.Utc)),
        ];
    }

    private const string DemoChangeManager = "changement@demo.local";

    private static PlanAction Action(Population population, OmocAxis axis, string owner, DateOnly due, DateTime createdAtUtc,
        params (PlanActionStatus Status, DateTime AtUtc)[] moves)
    {
        var action = new PlanAction
        {
            Population = population, Axis = axis, Owner = owner, DueDate = due, Status = PlanActionStatus.Planned,
            CreatedAtUtc = createdAtUtc, CreatedBy = DemoChangeManager,
        };
        action.History.Add(Change(createdAtUtc, PlanActionFields.Owner, null, owner));
        action.History.Add(Change(createdAtUtc, PlanActionFields.DueDate, null, due.ToString("yyyy-MM-dd",
            System.Globalization.CultureInfo.InvariantCulture)));
        action.History.Add(Change(createdAtUtc, PlanActionFields.Status, null, nameof(PlanActionStatus.Planned)));
        foreach (var (status, at) in moves)
        {
            action.History.Add(Change(at, PlanActionFields.Status, action.Status.ToString(), status.ToString()));
            action.Status = status;
        }
        return action;
    }

    private static PlanActionChange Change(DateTime at, string field, string? old, string? value) =>
        new() { ChangedAtUtc = at, ChangedBy = DemoChangeManager, Field = field, OldValue = old, NewValue = value };

    private static void Actor(ChangeProject project, Population? population, string? name, string? role,
        params (DateOnly Date, int Synergy, int Antagonism, string Why)[] readings)
    {
        var actor = new SociodynamicActor { ChangeProject = project, Population = population, Name = population is null ? name : null, Role = role };
        foreach (var (date, synergy, antagonism, why) in readings)
        {
            actor.Assessments.Add(new SociodynamicAssessment
            {
                Date = date, Synergy = synergy, Antagonism = antagonism, Justification = why,
                RecordedAtUtc = date.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc), RecordedBy = DemoChangeManager,
            });
        }
        project.Actors.Add(actor);
    }

    private static Population AddPopulation(ChangeProject project, string name, int headcount, string description)
    {
        var population = new Population { Name = name, Headcount = headcount, Description = description, ChangeProject = project };
        project.Populations.Add(population);
        return population;
    }

    private static Workshop AddWorkshop(ChangeProject project, string title, DateOnly date, string facilitator, string participants,
        WorkshopPhase phase)
    {
        var workshop = new Workshop { Title = title, Date = date, Facilitator = facilitator, Participants = participants, Phase = phase,
            ChangeProject = project };
        project.Workshops.Add(workshop);
        return workshop;
    }

    private static void Assess(Workshop workshop, Population population, (int Score, string Why) tools, (int Score, string Why) job,
        (int Score, string Why) organisation, (int Score, string Why) culture, AssessmentStatus status = AssessmentStatus.Completed) =>
        workshop.Assessments.Add(new OmocAssessment
        {
            Population = population,
            ToolsScore = tools.Score, ToolsJustification = tools.Why,
            JobScore = job.Score, JobJustification = job.Why,
            OrganisationScore = organisation.Score, OrganisationJustification = organisation.Why,
            CultureScore = culture.Score, CultureJustification = culture.Why,
            Status = status,
            Version = 1,
            UpdatedAtUtc = workshop.Date.ToDateTime(new TimeOnly(17, 0), DateTimeKind.Utc),
            UpdatedBy = "changement@demo.local",
        });
}
