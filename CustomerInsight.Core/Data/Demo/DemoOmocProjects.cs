using CustomerInsight.Core.Omoc;

namespace CustomerInsight.Core.Data.Demo;

/// <summary>
/// The demo company's two change projects, with dated workshops. The store sellers' impact goes
/// down between workshops (they adapt), and the after-sales technicians are flagged "very low".
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

        var w1 = AddWorkshop(checkout, "Atelier de cadrage", new DateOnly(2025, 10, 14), "Claire Dumas", "12 vendeurs, 6 responsables, 3 comptables, 2 techniciens", WorkshopPhase.BeforeGoLive);
        Assess(w1, sellers, (4, "Nouvel écran tactile et nouveaux parcours d'encaissement"), (3, "Conseil client associé à l'encaissement mobile"), (3, "Rotation des postes de caisse revue"), (3, "Fin du ticket papier, habitudes bousculées"));
        Assess(w1, managers, (3, "Nouveaux tableaux de bord de caisse"), (2, "Peu de changement du métier"), (3, "Planification des caisses revue"), (2, "Adhésion forte au projet"));
        Assess(w1, accounting, (4, "Nouvel outil de clôture"), (3, "Rapprochements automatisés"), (2, "Circuit de validation inchangé"), (2, "Équipe habituée aux évolutions"));
        Assess(w1, technicians, (1, "Aucun usage de la caisse"), (1, "Métier inchangé"), (1, "Organisation inchangée"), (1, "Pas concernés"));

        var w2 = AddWorkshop(checkout, "Bilan à trois mois", new DateOnly(2026, 6, 9), "Claire Dumas", "10 vendeurs, 5 responsables, 3 comptables", WorkshopPhase.AfterGoLive);
        Assess(w2, sellers, (2, "Outil maîtrisé après la formation"), (2, "Encaissement mobile entré dans les habitudes"), (2, "Rotation stabilisée"), (2, "Ticket dématérialisé bien accepté"));
        Assess(w2, managers, (2, "Tableaux de bord adoptés"), (2, "Métier stable"), (2, "Plannings stabilisés"), (1, "Aucune résistance"));
        Assess(w2, accounting, (3, "Quelques anomalies de clôture"), (3, "Rapprochements encore manuels en partie"), (2, "Inchangé"), (2, "Inchangé"), AssessmentStatus.Draft);

        var omnichannel = new ChangeProject
        {
            Name = "Parcours client omnicanal",
            Description = "Click & collect en 2 heures, vente à distance depuis le magasin et dossier client unique.",
            Sponsor = "Directeur commercial",
            StartDate = new DateOnly(2026, 1, 5),
            GoLiveDate = new DateOnly(2026, 11, 2),
        };
        var pickers = AddPopulation(omnichannel, "Préparateurs de commandes", 120, "Préparation en entrepôt et en réserve");
        var service = AddPopulation(omnichannel, "Service client", 65, "Centre d'appels et messagerie");
        var marketing = AddPopulation(omnichannel, "Marketing", 18, "Campagnes et fidélité");
        var stores = AddPopulation(omnichannel, "Vendeurs en magasin", 420, "Vente et retrait des commandes");

        var w3 = AddWorkshop(omnichannel, "Atelier d'impact initial", new DateOnly(2026, 3, 17), "Karim Benali", "8 préparateurs, 6 conseillers, 4 marketeurs, 10 vendeurs", WorkshopPhase.BeforeGoLive);
        Assess(w3, pickers, (3, "Terminaux de préparation"), (4, "Préparation en 2 heures"), (4, "Nouvelles équipes de nuit"), (3, "Culture de l'urgence"));
        Assess(w3, service, (4, "Dossier client unique"), (3, "Suivi des commandes multicanales"), (2, "Inchangée"), (3, "Posture de conseil"));
        Assess(w3, marketing, (2, "Outil de campagne inchangé"), (3, "Ciblage par segment"), (2, "Inchangée"), (2, "Inchangée"));
        Assess(w3, stores, (3, "Tablettes de vente"), (3, "Vente à distance"), (3, "Zone de retrait"), (4, "Le magasin devient un point de retrait"));

        var w4 = AddWorkshop(omnichannel, "Atelier de préparation au lancement", new DateOnly(2026, 9, 22), "Karim Benali", "6 préparateurs, 5 conseillers, 8 vendeurs", WorkshopPhase.BeforeGoLive);
        Assess(w4, pickers, (3, "Terminaux déployés"), (3, "Processus rodé en pilote"), (4, "Équipes de nuit à recruter"), (3, "Culture de l'urgence"));
        Assess(w4, service, (3, "Formation en cours"), (3, "Inchangé"), (2, "Inchangée"), (2, "Adhésion en progrès"));
        Assess(w4, stores, (3, "Tablettes livrées"), (3, "Scripts de vente à distance"), (3, "Zone de retrait installée"), (3, "Ambassadeurs nommés"));

        return [checkout, omnichannel];
    }

    private static Population AddPopulation(ChangeProject project, string name, int headcount, string description)
    {
        var population = new Population { Name = name, Headcount = headcount, Description = description, ChangeProject = project };
        project.Populations.Add(population);
        return population;
    }

    private static Workshop AddWorkshop(ChangeProject project, string title, DateOnly date, string facilitator, string participants, WorkshopPhase phase)
    {
        var workshop = new Workshop { Title = title, Date = date, Facilitator = facilitator, Participants = participants, Phase = phase, ChangeProject = project };
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
