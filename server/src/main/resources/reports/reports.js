// The service reports: a supervisor logs in over /cti (docs/cti-protocol.md), asks for a daily,
// weekly or monthly report of a range of days, and sees it as charts and a table, or takes it as
// CSV. The server adds the stored 15-minute intervals up; this page only draws.
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var WIDTH = 460;
  var HEIGHT = 170;
  var desk = null;
  var login = null;
  var el = acd.el;

  function $(id) { return document.getElementById(id); }

  function show(message) {
    var box = $("message");
    box.textContent = message;
    box.hidden = false;
  }

  function send(request) {
    if (!desk || !desk.send(request)) {
      show("未连接 not connected: the request was not sent");
    }
  }

  function svg(tag, attrs, content) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (content !== undefined) {
      node.textContent = content;
    }
    return node;
  }

  function pct(fraction) { return fraction === null || fraction === undefined ? "—" : (fraction * 100).toFixed(1) + "%"; }
  function num(value, digits) { return value === null || value === undefined ? "—" : value.toFixed(digits); }

  // Bars per period, one group per series ({name, cls, value(row)}); values above max are cut at
  // it. opts: max (else the largest value), percent (values are fractions), target (a fraction).
  function chart(title, name, rows, series, opts) {
    var values = [];
    rows.forEach(function (r) { series.forEach(function (s) { var v = s.value(r); if (v !== null) { values.push(v); } }); });
    var max = opts.max || Math.max.apply(null, values.concat([1]));
    var top = 12;
    var bottom = 18;
    var plot = HEIGHT - top - bottom;
    var slot = rows.length ? WIDTH / rows.length : WIDTH;
    var barWidth = Math.max(1, (slot - 2) / series.length);
    var box = svg("svg", {"width": WIDTH, "height": HEIGHT, "viewBox": "0 0 " + WIDTH + " " + HEIGHT});
    [0, 0.5, 1].forEach(function (f) {
      var y = top + plot * (1 - f);
      box.appendChild(svg("line", {"class": "grid", "x1": 0, "x2": WIDTH, "y1": y, "y2": y}));
      box.appendChild(svg("text", {"class": "axis", "x": 2, "y": y - 2}, opts.percent ? (f * max * 100).toFixed(0) + "%"
        : (f * max).toFixed(max < 10 ? 1 : 0)));
    });
    var labelEvery = Math.max(1, Math.ceil(rows.length / 8));
    rows.forEach(function (r, i) {
      series.forEach(function (s, k) {
        var v = s.value(r);
        if (v === null || v === undefined) { return; }
        var h = Math.max(1, plot * Math.min(v, max) / max);
        var below = opts.target !== undefined && v < opts.target;
        var bar = svg("rect", {"class": "bar " + (s.cls || "") + (below ? " below" : ""),
          "x": i * slot + 1 + k * barWidth, "width": barWidth, "y": top + plot - h, "height": h,
          "data-period": r.from, "data-series": s.name, "data-value": v});
        bar.appendChild(svg("title", {}, r.from + (r.to !== r.from ? " – " + r.to : "") + "  " + s.name + ": "
          + (opts.percent ? pct(v) : num(v, 2))));
        box.appendChild(bar);
      });
      if (i % labelEvery === 0) {
        box.appendChild(svg("text", {"class": "axis", "x": i * slot + 1, "y": HEIGHT - 4}, r.from.substring(5)));
      }
    });
    if (opts.target !== undefined) {
      var ty = top + plot * (1 - Math.min(opts.target, max) / max);
      box.appendChild(svg("line", {"class": "target-line", "x1": 0, "x2": WIDTH, "y1": ty, "y2": ty,
        "data-target": opts.target}));
    }
    return el("div", {"class": "chart", "data-chart": name}, [el("h3", {}, [title]), box]);
  }

  function field(name) { return function (r) { return r[name] === undefined ? null : r[name]; }; }

  // The rows of one scope ("all", "queue:general", "brand:gotone"), in period order.
  function scoped(rows, scope, id) {
    return rows.filter(function (r) { return r.scope === scope && r.id === id; });
  }

  function ids(rows, scope) {
    var seen = [];
    rows.forEach(function (r) {
      if (r.scope === scope && seen.indexOf(r.id) < 0) { seen.push(r.id); }
    });
    return seen;
  }

  function labelOf(rows, scope, id) {
    var row = rows.find(function (r) { return r.scope === scope && r.id === id; });
    return row ? row.label : id;
  }

  function report(m) {
    var rows = m.report.rows;
    $("message").hidden = true;
    $("period").value = m.report.period;
    $("from").value = m.report.from;
    $("to").value = m.report.to;
    $("range").textContent = m.report.from + " – " + m.report.to;
    document.body.setAttribute("data-report", m.report.period + ":" + m.report.from + ":" + m.report.to);

    var levels = $("service-level-charts");
    levels.innerHTML = "";
    ids(rows, "queue").forEach(function (id) {
      var queueRows = scoped(rows, "queue", id);
      var target = queueRows.length && queueRows[0].targetPercent !== null ? queueRows[0].targetPercent / 100 : undefined;
      var node = chart(labelOf(rows, "queue", id) + " (" + id + ")", "service-level", queueRows,
        [{name: "serviceLevel", value: field("serviceLevel")}], {max: 1, percent: true, target: target});
      node.setAttribute("data-queue", id);
      levels.appendChild(node);
    });
    var all = scoped(rows, "all", "");
    replace("answer-rate-chart", chart("接通率 Answer rate · 10秒 10 s", "answer-rate", all,
      [{name: "answerRate", value: field("answerRate")}, {name: "answerRate10s", cls: "second", value: field("answerRate10s")}],
      {max: 1, percent: true}));
    replace("abandon-chart", chart("放弃 Abandoned calls", "abandoned", all,
      [{name: "abandoned", value: field("abandoned")}], {}));
    replace("complaint-chart", chart("投诉率 Complaints per 10,000 calls", "complaints", all,
      [{name: "complaintsPer10k", value: field("complaintsPer10k")}], {}));
    replace("satisfaction-chart", chart("满意率 Satisfied (4–5 of 5)", "satisfaction", all,
      [{name: "satisfiedPercent", value: function (r) { return r.satisfiedPercent === null ? null : r.satisfiedPercent / 100; }}],
      {max: 1, percent: true}));
    var tens = $("ten-second-charts");
    tens.innerHTML = "";
    ["brand", "tier"].forEach(function (scope) {
      ids(rows, scope).forEach(function (id) {
        var node = chart(labelOf(rows, scope, id) + " (" + id + ")", "answer-rate-10s", scoped(rows, scope, id),
          [{name: "answerRate10s", value: field("answerRate10s")}], {max: 1, percent: true});
        node.setAttribute("data-" + scope, id);
        tens.appendChild(node);
      });
    });
    table(rows);
    agentTable(rows);
  }

  function replace(id, node) {
    var box = $(id);
    box.innerHTML = "";
    box.appendChild(node);
  }

  function days(r) { return r.from === r.to ? r.from : r.from + " – " + r.to; }

  function table(rows) {
    var body = $("rows");
    body.innerHTML = "";
    rows.filter(function (r) { return r.scope !== "agent"; }).forEach(function (r) {
      var below = r.targetPercent !== null && r.serviceLevel !== null && r.serviceLevel * 100 < r.targetPercent;
      body.appendChild(el("tr", {"class": r.scope, "data-scope": r.scope, "data-id": r.id, "data-from": r.from}, [
        el("td", {}, [days(r)]),
        el("td", {}, [r.scope === "all" ? r.label : r.label + " (" + r.id + ")"]),
        el("td", {"data-field": "offered"}, [String(r.offered)]),
        el("td", {"data-field": "answered"}, [String(r.answered)]),
        el("td", {"data-field": "serviceLevel", "class": below ? "below" : ""}, [pct(r.serviceLevel)]),
        el("td", {}, [r.targetPercent === null ? "—" : r.targetPercent + "%"]),
        el("td", {"data-field": "answerRate"}, [pct(r.answerRate)]),
        el("td", {"data-field": "answerRate10s"}, [pct(r.answerRate10s)]),
        el("td", {"data-field": "abandoned"}, [String(r.abandoned)]),
        el("td", {}, [r.asaSeconds === null ? "—" : num(r.asaSeconds, 1) + " s"]),
        el("td", {}, [r.ahtSeconds === null ? "—" : num(r.ahtSeconds, 1) + " s"]),
        el("td", {"data-field": "complaintsPer10k"}, [num(r.complaintsPer10k, 1)]),
        el("td", {"data-field": "satisfiedPercent"}, [r.satisfiedPercent === null || r.satisfiedPercent === undefined
          ? "—" : num(r.satisfiedPercent, 1) + "%"])]));
    });
  }

  // The board counts calls by queue, tier and brand; an agent's row has the ratings of their calls.
  function agentTable(rows) {
    var body = $("agent-rows");
    body.innerHTML = "";
    rows.filter(function (r) { return r.scope === "agent" && r.surveys > 0; }).forEach(function (r) {
      body.appendChild(el("tr", {"data-agent": r.id, "data-from": r.from}, [
        el("td", {}, [days(r)]),
        el("td", {}, [r.label === r.id ? r.id : r.label + " (" + r.id + ")"]),
        el("td", {"data-field": "surveys"}, [String(r.surveys)]),
        el("td", {"data-field": "satisfiedPercent"}, [num(r.satisfiedPercent, 1) + "%"]),
        el("td", {"data-field": "averageRating"}, [num(r.averageRating, 2)])]));
    });
  }

  function exported(m) {
    var link = $("export-link");
    acd.csvLink(link, m.csv, "report-" + m.period + "-" + m.from + "-" + m.to + ".csv");
    link.textContent = "下载 download (" + m.from + " – " + m.to + ")";
  }

  function ask(type) {
    var request = {type: type, period: $("period").value};
    if ($("from").value) { request.from = $("from").value; }
    if ($("to").value) { request.to = $("to").value; }
    send(request);
  }

  function handle(m) {
    switch (m.type) {
      case "loggedIn":
        $("login").hidden = true;
        $("workspace").hidden = false;
        $("message").hidden = true;
        $("who").textContent = "班长 " + login.id + (m.name ? " " + m.name : "");
        return ask("report");
      case "report": return report(m);
      case "reportCsv": return exported(m);
      case "error":
        show("[" + m.code + "] " + m.message);
        if (m.code === "auth_failed" || m.code === "too_many_failures") {
          login = null;
          desk.close();
          $("login").hidden = false;
        }
        return undefined;
      default: return undefined;
    }
  }

  $("login").addEventListener("submit", function (event) {
    event.preventDefault();
    login = {role: "supervisor", id: $("login-id").value.trim(), secret: $("login-secret").value};
    $("login-secret").value = "";
    if (desk) {
      desk.close();
    }
    desk = acd.deskConnection(login, {message: handle, state: function (state, label) {
      document.body.setAttribute("data-connection", state);
      $("connection").textContent = label;
    }});
  });

  $("ask").addEventListener("submit", function (event) {
    event.preventDefault();
    ask("report");
  });
  $("export").addEventListener("click", function () { ask("exportReport"); });
})();
