using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerInsight.Web.Components.Charts;

/// <summary>The chart types the app draws.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChartType>))]
public enum ChartType
{
    [JsonStringEnumMemberName("bar")] Bar,
    [JsonStringEnumMemberName("line")] Line,
    [JsonStringEnumMemberName("radar")] Radar,
    [JsonStringEnumMemberName("bubble")] Bubble,
    [JsonStringEnumMemberName("doughnut")] Doughnut,
}

/// <summary>A Chart.js configuration as typed C# records, serialised with System.Text.Json.</summary>
public sealed record ChartConfig(ChartType Type, ChartData Data, ChartOptions? Options = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

public sealed record ChartData(IReadOnlyList<string> Labels, IReadOnlyList<ChartDataset> Datasets);

/// <summary>One series. <see cref="Values"/> for bar, line, radar and doughnut; <see cref="Points"/> for bubble.</summary>
public sealed record ChartDataset(string Label)
{
    [JsonIgnore]
    public IReadOnlyList<double?>? Values { get; init; }

    [JsonIgnore]
    public IReadOnlyList<BubblePoint>? Points { get; init; }

    /// <summary>What Chart.js reads as <c>data</c>.</summary>
    [JsonPropertyName("data")]
    public object Data => (object?)Points ?? Values ?? [];

    /// <summary>Overrides the chart's type for this series (a line over bars).</summary>
    public ChartType? Type { get; init; }

    public ChartColors? BackgroundColor { get; init; }
    public ChartColors? BorderColor { get; init; }
    public double? BorderWidth { get; init; }
    public bool? Fill { get; init; }
    public double? Tension { get; init; }
    public string? YAxisID { get; init; }
    public bool? Hidden { get; init; }
    public string? Stack { get; init; }

    /// <summary>Per-point fill, e.g. transparent for small samples drawn hollow.</summary>
    public ChartColors? PointBackgroundColor { get; init; }
    public ChartColors? PointBorderColor { get; init; }
    public double? PointRadius { get; init; }
    public IReadOnlyList<double>? BorderDash { get; init; }
}

public sealed record BubblePoint(double X, double Y, double R);

/// <summary>One colour for the whole series, or one per data point.</summary>
[JsonConverter(typeof(ChartColorsConverter))]
public sealed class ChartColors(IReadOnlyList<string> colors)
{
    public IReadOnlyList<string> Colors { get; } = colors;

    public static implicit operator ChartColors(string color) => new([color]);

    public static implicit operator ChartColors(string[] colors) => new(colors);

    public static ChartColors FromString(string color) => new([color]);
}

internal sealed class ChartColorsConverter : JsonConverter<ChartColors>
{
    public override ChartColors Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? new ChartColors([reader.GetString()!])
            : new ChartColors(JsonSerializer.Deserialize<string[]>(ref reader, options)!);

    public override void Write(Utf8JsonWriter writer, ChartColors value, JsonSerializerOptions options)
    {
        if (value.Colors.Count == 1)
        {
            writer.WriteStringValue(value.Colors[0]);
            return;
        }
        JsonSerializer.Serialize(writer, value.Colors, options);
    }
}

public sealed record ChartOptions
{
    public bool Responsive { get; init; } = true;
    public bool MaintainAspectRatio { get; init; }

    /// <summary>
    /// The locale of the numbers Chart.js formats itself (axis ticks, tooltips): by default the culture
    /// the configuration is built in; without it Chart.js follows the browser ("1,200" on a French page).
    /// </summary>
    public string Locale { get; init; } = CultureInfo.CurrentCulture.Name;

    /// <summary><c>y</c> for horizontal bars.</summary>
    public string? IndexAxis { get; init; }

    public ChartPlugins? Plugins { get; init; }

    /// <summary>Axes by id: <c>x</c>, <c>y</c>, <c>y1</c>, or <c>r</c> for a radar.</summary>
    public IReadOnlyDictionary<string, ChartScale>? Scales { get; init; }

    /// <summary>How values are shown in ticks and tooltips; applied by the JS module with Intl.NumberFormat.</summary>
    public ValueFormat? ValueFormat { get; init; }

    public bool? Animation { get; init; }
}

/// <param name="CiOverlays">Shapes drawn by the app's own plugin (charts.js): shaded zones, texts, arrows, vertical markers.</param>
public sealed record ChartPlugins(ChartLegend? Legend = null, ChartTitle? Title = null, ChartOverlays? CiOverlays = null);

/// <summary>What the app's overlay plugin draws, in data units of the x and y scales (a category axis counts in label indexes).</summary>
public sealed record ChartOverlays
{
    /// <summary>Filled rectangles under the datasets (zones).</summary>
    public IReadOnlyList<ChartBox>? Boxes { get; init; }

    /// <summary>Texts under the datasets (zone names).</summary>
    public IReadOnlyList<ChartText>? Texts { get; init; }

    /// <summary>Arrows over the datasets (a movement between two readings).</summary>
    public IReadOnlyList<ChartArrow>? Arrows { get; init; }

    /// <summary>Vertical dashed lines with a label at the top (events on a time axis).</summary>
    public IReadOnlyList<ChartMarker>? Markers { get; init; }
}

public sealed record ChartBox(double XMin, double XMax, double YMin, double YMax, string Color);

public sealed record ChartText(double X, double Y, string Text, string Color = "#37474f");

public sealed record ChartArrow(double X1, double Y1, double X2, double Y2, string Color);

public sealed record ChartMarker(double X, string Label, string Color);

public sealed record ChartLegend(bool Display = true, string? Position = null);

public sealed record ChartTitle(string Text, bool Display = true);

public sealed record ChartScale
{
    public string? Type { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }

    /// <summary>A range the axis covers at least; unlike <see cref="Min"/> and <see cref="Max"/>, points on it are not clipped.</summary>
    public double? SuggestedMin { get; init; }
    public double? SuggestedMax { get; init; }
    public bool? BeginAtZero { get; init; }
    public bool? Stacked { get; init; }
    public string? Position { get; init; }
    public ChartScaleTitle? Title { get; init; }
    public ChartTicks? Ticks { get; init; }
    public ChartGrid? Grid { get; init; }

    /// <summary>Radar axis labels (font size).</summary>
    public ChartPointLabels? PointLabels { get; init; }
}

public sealed record ChartScaleTitle(string Text, bool Display = true);

/// <param name="Z">Above 0: drawn over the datasets (a radar's ring numbers would otherwise hide under its polygons).</param>
public sealed record ChartTicks(double? StepSize = null, bool? Display = null, double? Precision = null, double? Z = null);

public sealed record ChartGrid(bool? Display = null, bool? DrawOnChartArea = null);

public sealed record ChartPointLabels(ChartFont? Font = null);

public sealed record ChartFont(double Size);

/// <summary>
/// Number formatting for ticks and tooltips (functions cannot travel as JSON): the locale, and
/// a style of <c>decimal</c>, <c>currency</c> (with <see cref="Currency"/>) or <c>percent</c>.
/// Per axis id, so a money axis and a count axis can share a chart.
/// </summary>
public sealed record ValueFormat(string Locale, IReadOnlyDictionary<string, AxisFormat> Axes);

public sealed record AxisFormat(string Style, string? Currency = null, int? MaximumFractionDigits = null);
