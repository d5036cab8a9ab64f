namespace CustomerInsight.Core.Omoc;

/// <summary>An actor of the map: a population of the project (weight = headcount) or a named key person (weight 1).</summary>
public sealed record SociodynamicActorInfo(int Id, string Name, int? PopulationId, string? Role, int Headcount)
{
    public bool IsPopulation => PopulationId is not null;

    /// <summary>The actor's weight in the balance: its headcount, 1 for a person.</summary>
    public int Weight => IsPopulation ? Headcount : 1;
}

/// <summary>One dated reading of an actor.</summary>
public sealed record SociodynamicRating(int Id, int ActorId, DateOnly Date, int Synergy, int Antagonism, string Justification, string? RecordedBy)
{
    public SociodynamicPosition Position => SociodynamicScorer.Position(Synergy, Antagonism);
}

/// <summary>
/// An actor on the map: its readings (date order), the latest and the one before it (the arrow's start),
/// and, for a population, the impact index of its latest completed OMOC assessment (the point's size).
/// </summary>
public sealed record SociodynamicActorState(SociodynamicActorInfo Actor, IReadOnlyList<SociodynamicRating> Ratings, decimal? ImpactIndex)
{
    public SociodynamicRating? Latest => Ratings.Count > 0 ? Ratings[^1] : null;
    public SociodynamicRating? Previous => Ratings.Count > 1 ? Ratings[^2] : null;
    public SociodynamicPosition? Position => Latest?.Position;
}

/// <summary>The project's map: every actor (assessed or not, name order) and the balance of the assessed ones.</summary>
public sealed record SociodynamicMap(ChangeProjectInfo Project, IReadOnlyList<SociodynamicActorState> Actors, SociodynamicBalance Balance)
{
    public IReadOnlyList<SociodynamicActorState> Placed => Actors.Where(a => a.Latest is not null).ToList();
}

public static class SociodynamicMapBuilder
{
    /// <summary>
    /// Builds the map from the actors, their readings (any order: sorted by date, then id) and the impact
    /// index per population id; the balance weighs each actor's latest position.
    /// </summary>
    public static SociodynamicMap Build(ChangeProjectInfo project, IEnumerable<SociodynamicActorInfo> actors,
        IEnumerable<SociodynamicRating> ratings, IReadOnlyDictionary<int, decimal> impactByPopulation)
    {
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(impactByPopulation);
        var byActor = ratings.GroupBy(r => r.ActorId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<SociodynamicRating>)g.OrderBy(r => r.Date).ThenBy(r => r.Id).ToList());
        var states = actors
            .OrderBy(a => a.IsPopulation ? 0 : 1)
            .ThenBy(a => a.Name, StringComparer.CurrentCulture)
            .ThenBy(a => a.Id)
            .Select(a => new SociodynamicActorState(
                a,
                byActor.TryGetValue(a.Id, out var list) ? list : [],
                a.PopulationId is { } p && impactByPopulation.TryGetValue(p, out var index) ? index : null))
            .ToList();
        var balance = SociodynamicScorer.Balance(states.Where(s => s.Latest is not null).Select(s => (s.Position!.Value, s.Actor.Weight)));
        return new SociodynamicMap(project, states, balance);
    }
}
