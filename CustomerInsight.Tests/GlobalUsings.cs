// The namespaces most test files use, once for the whole project (Xunit, DependencyInjection and Configuration come from
// the project file).
global using System.Globalization;
global using System.Net;
global using System.Text.Json;
global using Bunit;
global using ClosedXML.Excel;
global using CustomerInsight.Core.Analytics;
global using CustomerInsight.Core.Auditing;
global using CustomerInsight.Core.Customers;
global using CustomerInsight.Core.Data;
global using CustomerInsight.Core.Data.Demo;
global using CustomerInsight.Core.Importing;
global using CustomerInsight.Core.Omoc;
global using CustomerInsight.Core.Privacy;
global using CustomerInsight.Core.Reporting;
global using CustomerInsight.Core.Rfm;
global using CustomerInsight.Core.Sales;
global using CustomerInsight.Core.Segments;
global using CustomerInsight.Core.Surveys;
global using CustomerInsight.Core.Surveys.Themes;
global using CustomerInsight.Core.Unify;
global using CustomerInsight.Core.Value;
global using CustomerInsight.Tests.Core.Data;
global using CustomerInsight.Tests.Core.Importing;
global using CustomerInsight.Web;
global using CustomerInsight.Web.Components.Charts;
global using CustomerInsight.Web.Components.Pages.Omoc;
global using CustomerInsight.Web.Components.Pages.Satisfaction;
global using CustomerInsight.Web.Components.Pages.Segments;
global using CustomerInsight.Web.Components.Pages.Value;
global using CustomerInsight.Web.Endpoints;
global using CustomerInsight.Web.Localization;
global using CustomerInsight.Web.Security;
global using Microsoft.AspNetCore.Components;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Options;
// bUnit keeps an obsolete TestContext of its own: the tests' TestContext is xUnit's.
global using TestContext = Xunit.TestContext;
