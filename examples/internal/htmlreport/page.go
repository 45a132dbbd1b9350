package htmlreport

import "html/template"

// pageTemplate parses the page. It is parsed on every call so that the
// package holds no state.
func pageTemplate() *template.Template {
	return template.Must(template.New("page").Parse(pageHTML))
}

// pageHTML is the page. The SVG elements use short CSS classes for the
// states (av available, dp deprecated, ds disabled, dl deleted, fl failed
// or cancelled, ip build in progress, h before today) to keep large pages
// small.
const pageHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{{.Title}}</title>
<style>
:root{--bg:#fff;--fg:#1d2126;--mute:#5f6670;--line:#d9dde2;--panel:#f5f6f8;--hover:rgba(90,110,140,.16);--grid:#e6e9ed;
--av:#2b9348;--dp:#e9a100;--ds:#7b5cd6;--dl:#d6333a;--fl:#6c737c;--ip:#3d8fd6;--h:#c4c9cf;--today:#d6333a}
@media (prefers-color-scheme:dark){:root{--bg:#15181c;--fg:#e4e7eb;--mute:#9aa3ad;--line:#333a42;--panel:#1e2228;--hover:rgba(200,215,235,.14);--grid:#2a3037;
--av:#4cc46e;--dp:#f5c04a;--ds:#a08bf0;--dl:#ff6b70;--fl:#9aa3ad;--ip:#6cb4f0;--h:#4a525b;--today:#ff6b70}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:1140px;margin:0 auto;padding:20px 20px 40px}
h1{font-size:22px;margin:0 0 2px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
p{margin:6px 0}.mute{color:var(--mute)}code{font:12px ui-monospace,Menlo,Consolas,monospace}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:10px 0}dl.facts dt{color:var(--mute)}dl.facts dd{margin:0}
ol.rules{list-style:none;padding:0;margin:0}ol.rules li{padding:4px 0}
.act{display:inline-block;min-width:82px;font:600 11px/18px ui-monospace,Menlo,Consolas,monospace;text-align:center;border-radius:3px;color:#fff;margin-right:8px}
.act.dp{color:#1d2126}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
.card{flex:1 1 170px;background:var(--panel);border-radius:6px;padding:8px 12px;border-left:5px solid var(--mute)}
.card b{font-size:24px;margin-right:6px}.card span{font-weight:600}.card div{color:var(--mute);font-size:12px}
.card.av{border-color:var(--av)}.card.dp{border-color:var(--dp)}.card.ds{border-color:var(--ds)}.card.dl{border-color:var(--dl)}
ul.summary{margin:6px 0;padding-left:20px}
.legend{display:flex;flex-wrap:wrap;gap:4px 16px;margin:8px 0;font-size:12px;color:var(--mute)}
.legend i{display:inline-block;width:22px;height:10px;border-radius:2px;margin-right:5px;vertical-align:-1px}
.legend i.dl{height:3px;vertical-align:2px}.legend i.today{width:2px;height:14px;vertical-align:-3px}
i.av,.act.av{background:var(--av)}i.dp,.act.dp{background:var(--dp)}i.ds,.act.ds{background:var(--ds)}i.dl,.act.dl{background:var(--dl)}
i.fl{background:var(--fl)}i.ip{background:var(--ip)}i.h{background:var(--h)}i.today{background:var(--today)}
svg{display:block;width:100%;height:auto}
.axis{position:sticky;top:0;z-index:1;background:var(--bg);border-bottom:1px solid var(--line)}
details.group{margin:0;border-bottom:1px solid var(--line)}
details.group summary{cursor:pointer;padding:5px 0 3px;font-size:13px}
details.group summary b{font-size:14px}.chg{color:var(--fg);margin-left:8px}.slots{color:var(--mute);margin-left:8px;font-size:12px}
svg text{fill:var(--fg);font:13px ui-monospace,Menlo,Consolas,monospace}svg text.ax{fill:var(--mute);font:11px system-ui,sans-serif}
svg text.badge{fill:var(--mute);font-size:11px;text-anchor:end}svg text.td{fill:var(--today);font:600 11px system-ui,sans-serif}
.grid{stroke:var(--grid);stroke-width:1}.tl{stroke:var(--today);stroke-width:2}
.lanes path{stroke-width:12}.lanes path.dl{stroke-width:2}.lanes .grid{stroke-width:1}.lanes .tl{stroke-width:2}
.hit{fill:transparent}.hit:hover{fill:var(--hover)}
.f0{stop-color:var(--h);stop-opacity:0}.f1{stop-color:var(--h)}.hc{stroke:url(#fade)}
.av{stroke:var(--av)}.dp{stroke:var(--dp)}.ds{stroke:var(--ds)}.dl{stroke:var(--dl)}.fl{stroke:var(--fl)}.ip{stroke:var(--ip)}.h{stroke:var(--h)}
table{border-collapse:collapse;margin:6px 0;font-size:13px}th,td{text-align:left;padding:3px 10px 3px 0;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--mute);font-weight:600}td.n,th.n{text-align:right}
.note{background:var(--panel);border-left:5px solid var(--dp);padding:10px 14px;border-radius:4px;margin:14px 0}
ul.warn li{margin:3px 0}
@media print{body{font-size:11px}main{max-width:none;padding:0}.axis{position:static}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
details.group{break-inside:avoid}h2{break-after:avoid}
:root{--bg:#fff;--fg:#000;--mute:#4a5058;--line:#c9ced4;--panel:#f3f4f6;--grid:#dde1e5;
--av:#2b9348;--dp:#e9a100;--ds:#7b5cd6;--dl:#d6333a;--fl:#6c737c;--ip:#3d8fd6;--h:#c4c9cf;--today:#d6333a}}
</style>
</head>
<body>
<main>
<h1>{{.Policy}}</h1>
{{with .Description}}<p class="mute">{{.}}</p>{{end}}
<dl class="facts">{{range .Facts}}<dt>{{.Label}}</dt><dd>{{.Value}}</dd>{{end}}</dl>

{{if .Disabled}}<div class="note"><b>No execution runs.</b> {{.Note}}</div>
{{template "rules" .}}
{{else}}
<div class="cards">{{range .Cards}}<div class="card {{.Class}}"><b>{{.Value}}</b><span>{{.Label}}</span><div>{{.Detail}}</div>{{with .When}}<div>{{.}}</div>{{end}}</div>{{end}}</div>
{{with .Empty}}<div class="note">{{.}}</div>{{end}}

{{with .Axis}}
<h2>Timeline</h2>
<p class="mute">One lane per image, newest first in each recipe version. Hover over a lane for the image's reasons.</p>
<div class="legend"><span><i class="h"></i>before the first run (faded: created before the chart starts)</span><span><i class="av"></i>available</span>{{if not $.Container}}<span><i class="dp"></i>deprecated</span><span><i class="ds"></i>disabled</span>{{end}}<span><i class="dl"></i>deleted</span><span><i class="fl"></i>failed or cancelled build</span><span><i class="ip"></i>build in progress</span><span><i class="today"></i>today (first run)</span><span>■ before a name: the image's state today</span><span>slot n/m: holds retention slot n of m today</span></div>
<section class="timeline">
<svg class="axis" viewBox="0 0 1100 34" width="1100" height="34" role="img" aria-label="time axis"><defs><linearGradient id="fade" gradientUnits="userSpaceOnUse" x1="200" x2="250"><stop class="f0" offset="0"/><stop class="f1" offset="1"/></linearGradient></defs><path class="grid" d="{{.Grid}}"/>{{range .Ticks}}{{if .Label}}<text class="ax" x="{{.X}}" y="30" dx="3">{{.Label}}</text>{{end}}{{end}}<text class="td" x="{{.TodayX}}" y="12" text-anchor="middle">{{.TodayText}}</text><path class="tl" d="M{{.TodayX}} 16V34"/>{{if .EndText}}<text class="ax" x="{{.EndX}}" y="12" text-anchor="end">{{.EndText}}</text>{{end}}</svg>
{{end}}
{{range .Groups}}<details class="group" open><summary><b>{{.Recipe}} {{.Version}}</b> <span class="mute">{{.Where}} · {{.Images}}</span><span class="chg">{{.Changes}}</span>{{with .Retention}}<span class="slots">{{.}}</span>{{end}}</summary>
<svg class="lanes" viewBox="0 0 1100 {{.Height}}" width="1100" height="{{.Height}}"><path class="grid" d="{{.Grid}}"/>{{range .Paths}}<path class="{{.Class}}" d="{{.D}}"/>{{end}}<path class="tl" d="M{{.TodayX}} 0V{{.Height}}"/>{{range .Lanes}}
<text x="22" y="{{.TextY}}">{{.Label}}</text>{{if .Badge}}<text class="badge" x="194" y="{{.TextY}}">{{.Badge}}</text>{{end}}<rect class="hit" y="{{.Y}}" width="1100" height="22"><title>{{.Tip}}</title></rect>{{end}}
</svg></details>
{{end}}{{if .Axis}}</section>{{end}}

{{if .Summary}}<h2>Summary</h2>
<ul class="summary">{{range .Summary}}<li>{{.}}</li>{{end}}</ul>{{end}}
{{template "rules" .}}
{{if .Quiet}}<h2>Recipe versions without change</h2>
<p class="mute">No image of these recipe versions changes during the forecast, so they get no lanes.</p>
<table><tr><th>Recipe</th><th>Version</th><th>Region · account</th><th class="n">Images</th><th>States today</th><th>Retention slots</th><th>Oldest image today</th></tr>
{{range .Quiet}}<tr><td>{{.Recipe}}</td><td>{{.Version}}</td><td>{{.Where}}</td><td class="n">{{.Images}}</td><td>{{.States}}</td><td>{{.Kept}}</td><td>{{.Why}}</td></tr>
{{end}}</table>{{end}}

{{if .Runs}}<h2>Runs that change something</h2>
<details{{if .RunsOpen}} open{{end}}><summary>{{len .Runs}} of the forecast's runs change at least one image</summary>
<table>{{if .Container}}<tr><th class="n">Day</th><th>Date</th><th class="n">Deleted</th><th class="n">Container images</th></tr>
{{range .Runs}}<tr><td class="n">{{.Day}}</td><td>{{.Date}}</td><td class="n">{{.Delete}}</td><td class="n">{{.Containers}}</td></tr>
{{end}}{{else}}<tr><th class="n">Day</th><th>Date</th><th class="n">Deprecated</th><th class="n">Disabled</th><th class="n">Deleted</th><th class="n">AMIs</th><th class="n">Snapshots</th></tr>
{{range .Runs}}<tr><td class="n">{{.Day}}</td><td>{{.Date}}</td><td class="n">{{.Deprecate}}</td><td class="n">{{.Disable}}</td><td class="n">{{.Delete}}</td><td class="n">{{.AMIs}}</td><td class="n">{{.Snapshots}}</td></tr>
{{end}}{{end}}</table></details>{{end}}
{{end}}

{{with .Today}}<h2>Today's run, {{.When}}</h2>
{{with .Note}}<div class="note">{{.}}</div>{{end}}
{{with .Line}}<p>{{.}} Impacted resources: {{$.Today.Impacted}}.</p>{{end}}
{{if .Rows}}<table><tr><th></th>{{range .Heads}}<th class="n">{{.}}</th>{{end}}</tr>
{{range .Rows}}<tr><td>{{.Name}}</td>{{range .Cells}}<td class="n">{{.}}</td>{{end}}</tr>
{{end}}</table>{{end}}
{{if .Notable}}<p>Images skipped or predicted to fail:</p>
<table><tr><th>Image</th><th>Verdict</th><th>Why</th></tr>
{{range .Notable}}<tr><td><code>{{.Image}}</code></td><td>{{.Verdict}}</td><td>{{.Reason}}</td></tr>
{{end}}</table>{{end}}
{{with .Decisions}}<p class="mute">Decisions involved in today's run: {{.}}</p>{{end}}
{{end}}

<h2>Warnings and decisions</h2>
{{if .Warnings}}<p>The policy's validation warnings:</p><ul class="warn">{{range .Warnings}}<li><code>{{.}}</code></li>{{end}}</ul>
{{else}}<p>The policy has no validation warnings.</p>{{end}}
{{if .Decisions}}<p>The result depends on these readings of points the service's documentation leaves open (see the decisions table in ibkit's README):</p>
<table><tr><th>ID</th><th>About</th><th>Affects</th></tr>
{{range .Decisions}}<tr><td>{{.ID}}</td><td>{{.Words}}</td><td>{{.Where}}</td></tr>
{{end}}</table>{{end}}
<p class="mute">Made by ibkit, offline, from the policy and the inventory given; AWS was not called.</p>
</main>
</body>
</html>
{{define "rules"}}<h2>Rules</h2>
{{if .Rules}}<p class="mute">Each run tries them in this order, and an image gets at most one action a run. Rule numbers are positions in policyDetails.</p>
<ol class="rules">{{range .Rules}}<li><span class="act {{.Class}}">{{.Action}}</span>rule {{.Index}}: {{.Text}}</li>{{end}}</ol>
{{else}}<p>The policy has no rules.</p>{{end}}{{end}}`
