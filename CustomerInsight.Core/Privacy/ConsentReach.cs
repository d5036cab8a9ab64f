using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Rfm;

namespace CustomerInsight.Core.Privacy;

/// <summary>Of <see cref="Customers"/>, how many could be contacted by e-mail, SMS and phone at one instant.</summary>
public sealed record ConsentReach(int Customers, int Email, int Sms, int Phone);

/// <summary>The <see cref="ConsentReach"/> of one RFM segment.</summary>
public sealed record SegmentConsentReach(RfmSegment Segment, ConsentReach Reach);
