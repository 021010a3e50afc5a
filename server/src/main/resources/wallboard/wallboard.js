// The hotline wallboard: draws GET /api/queues once, then every "board" message the server
// pushes on the CTI WebSocket (the same document), so the screen follows the floor live.
(function () {
  "use strict";

  var STATES = [["ready", "空闲 ready"], ["ringing", "振铃 ringing"], ["talking", "通话 talking"],
    ["wrap-up", "话后 wrap-up"], ["not-ready", "示忙 not ready"], ["logged-out", "未登录 logged out"]];
  var DAY_MS = 24 * 3600 * 1000;
  var INTERVAL_MS = 15 * 60 * 1000;

  // Formats shared with the browser test: what the screen shows for a figure of the document.
  function pct(x) { return x === null || x === undefined ? "—" : (x * 100).toFixed(1) + "%"; }
  function secs(x) { return x === null || x === undefined ? "—" : x.toFixed(1) + " s"; }
  function count(n) { return String(n); }
  function percent(x) { return x === null || x === undefined ? "—" : x.toFixed(1) + "%"; }
  function score(x) { return x === null || x === undefined ? "—" : x.toFixed(2); }

  var el = acd.el;

  function svg(tag, attrs, text) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function figure(label, field, text) {
    return el("div", {"class": "figure"}, [el("span", {}, [label]), el("b", {"data-field": field}, [text])]);
  }

  function meetsTarget(level, targetPercent) {
    return level !== null && level !== undefined && level * 100 >= targetPercent;
  }

  function levelClass(level, targetPercent) {
    if (level === null || level === undefined) { return "none"; }
    return meetsTarget(level, targetPercent) ? "good" : "bad";
  }

  function states(agents, prefix) {
    return STATES.map(function (s) {
      return el("div", {"class": "state"}, [s[1], el("b", {"data-field": prefix + s[0]}, [count(agents[s[0]])])]);
    });
  }

  // Service level per 15-minute interval over the day of the latest figures, against the target:
  // the hotline's day when the figures say where it starts, else the browser's.
  function chart(q, timeMs, hotlineDayStart) {
    var width = 960, height = 120, top = 6, bottom = 16, plot = height - top - bottom;
    var box = svg("svg", {"viewBox": "0 0 " + width + " " + height, "preserveAspectRatio": "none",
      "role": "img", "aria-label": "service level by interval"});
    var day = new Date(timeMs || Date.now());
    day.setHours(0, 0, 0, 0);
    var dayStart = hotlineDayStart || day.getTime();
    var slot = width / (DAY_MS / INTERVAL_MS);
    [0, 0.5, 1].forEach(function (f) {
      var y = top + plot * (1 - f);
      box.appendChild(svg("line", {"class": "grid", "x1": 0, "x2": width, "y1": y, "y2": y}));
    });
    for (var h = 0; h <= 24; h += 3) {
      box.appendChild(svg("text", {"class": "axis", "x": Math.min(h * 4 * slot + 2, width - 24), "y": height - 3},
        (h < 10 ? "0" : "") + h + ":00"));
    }
    (q.intervals || []).forEach(function (iv) {
      if (iv.startMs < dayStart || iv.startMs >= dayStart + DAY_MS || iv.serviceLevel === null) { return; }
      var x = (iv.startMs - dayStart) / INTERVAL_MS * slot;
      var barHeight = Math.max(1, plot * iv.serviceLevel);
      var bar = svg("rect", {"class": "bar " + levelClass(iv.serviceLevel, q.targetPercent),
        "x": x + 0.5, "width": Math.max(1, slot - 1), "y": top + plot - barHeight, "height": barHeight,
        "data-interval-start": iv.startMs, "data-value": iv.serviceLevel});
      bar.appendChild(svg("title", {}, new Date(iv.startMs).toLocaleTimeString() + "  " + pct(iv.serviceLevel)
        + "  (" + iv.answeredWithinThreshold + "/" + iv.offered + ")"));
      box.appendChild(bar);
    });
    var ty = top + plot * (1 - q.targetPercent / 100);
    box.appendChild(svg("line", {"class": "target-line", "x1": 0, "x2": width, "y1": ty, "y2": ty}));
    return el("div", {"class": "chart"}, [box]);
  }

  function tierTable(q) {
    var head = el("tr", {}, ["客户等级 tier", "服务水平 SL", "接通率 answer", "排队 waiting", "ASA", "呼入 offered"]
      .map(function (t) { return el("th", {}, [t]); }));
    var rows = q.tiers.map(function (t) {
      return el("tr", {"data-tier": t.tier}, [
        el("td", {}, [t.label + " (" + t.tier + ")"]),
        el("td", {"data-field": "serviceLevel", "class": levelClass(t.serviceLevel, q.targetPercent)},
          [pct(t.serviceLevel)]),
        el("td", {"data-field": "answerRate"}, [pct(t.answerRate)]),
        el("td", {"data-field": "waitingNow"}, [count(t.waitingNow)]),
        el("td", {"data-field": "asaSeconds"}, [secs(t.asaSeconds)]),
        el("td", {"data-field": "offered"}, [count(t.offered)])]);
    });
    return el("table", {}, [el("thead", {}, [head]), el("tbody", {}, rows)]);
  }

  function queueCard(q, timeMs, dayStartMs) {
    var level = el("span", {"class": "big " + levelClass(q.serviceLevel, q.targetPercent), "data-field": "serviceLevel"},
      [pct(q.serviceLevel)]);
    // A queue a supervisor has switched into peak mode says so: shorter waits, backup seats.
    var title = [q.label + " ", el("small", {}, [q.queue])];
    if (q.peakMode) {
      title.push(el("span", {"class": "peak", "data-field": "peakMode"}, ["高峰 peak mode"]));
    }
    return el("section", {"class": "queue" + (q.peakMode ? " in-peak" : ""), "data-queue": q.queue,
      "data-peak": q.peakMode ? "on" : "off"}, [
      el("h2", {}, title),
      el("div", {"class": "headline"}, [level,
        el("span", {"class": "target"}, [q.thresholdSeconds + " 秒内接通 · 目标 target " + q.targetPercent + "%"])]),
      el("div", {"class": "figures"}, [
        figure("接通率 answer rate", "answerRate", pct(q.answerRate)),
        figure("排队 waiting now", "waitingNow", count(q.waitingNow)),
        figure("当前最长等待 longest now", "longestWaitingNowSeconds", secs(q.longestWaitingNowSeconds)),
        figure("平均应答 ASA", "asaSeconds", secs(q.asaSeconds)),
        figure("呼入 offered", "offered", count(q.offered)),
        figure("接通 answered", "answered", count(q.answered)),
        figure("放弃 abandoned", "abandoned", count(q.abandoned)),
        // Callers who took a callback keeping their place, and those the callback reached.
        figure("预约回电 callbacks", "callbacks.requested", count(q.callbacks.requested)),
        figure("回电接通 called back", "callbacks.reached", count(q.callbacks.reached)),
        figure("今日最长等待 longest today", "longestWaitSeconds", secs(q.longestWaitSeconds)),
        // Callers rating the call 4 or 5 of 5 in the post-call survey, as the standards count it.
        figure("满意率 satisfied", "survey.satisfiedPercent", percent(q.survey ? q.survey.satisfiedPercent : null))]),
      el("div", {"class": "states"}, states(q.agents, "agents.")),
      tierTable(q),
      chart(q, timeMs, dayStartMs)]);
  }

  function render(doc, source) {
    var main = document.getElementById("queues");
    var cards = doc.queues.map(function (q) { return queueCard(q, doc.time, doc.dayStartMs); });
    main.replaceChildren.apply(main, cards);
    var floor = document.getElementById("floor-states");
    floor.replaceChildren.apply(floor, states(doc.agents, "agents."));
    replyTasks(doc.replyTasks);
    workOrders(doc.workOrders);
    survey(doc.survey);
    tenSeconds(doc.brands, doc.tiers);
    document.getElementById("day").textContent = doc.day ? "今日 today " + doc.day : "";
    document.body.setAttribute("data-day", doc.day || "");
    document.body.setAttribute("data-time", doc.time);
    document.body.setAttribute("data-source", source);
    document.getElementById("clock").textContent = doc.time ? new Date(doc.time).toLocaleTimeString() : "--:--:--";
    // The built-in simulator's figures: said plainly, with how much faster than real time they run.
    var simulated = document.getElementById("simulated");
    simulated.hidden = !doc.simulation;
    if (doc.simulation) {
      simulated.textContent = doc.simulation.speed === 1 ? "模拟 simulated"
        : "模拟 ×" + doc.simulation.speed + " simulated, time compressed";
    }
  }

  // Voicemail messages still to answer; overdue ones (past 08:00 of the next working day) in red.
  function replyTasks(tasks) {
    var panel = document.getElementById("reply-tasks");
    if (!tasks) { panel.hidden = true; return; }
    panel.hidden = false;
    panel.querySelector('[data-field="replyTasks.open"]').textContent = count(tasks.open);
    panel.querySelector('[data-field="replyTasks.overdue"]').textContent = count(tasks.overdue);
    document.getElementById("reply-tasks-overdue").className = "state" + (tasks.overdue > 0 ? " overdue" : "");
    panel.setAttribute("data-available", tasks.available ? "yes" : "no");
  }

  // Work orders still open; those with a step past its deadline in red, complaints apart.
  function workOrders(orders) {
    var panel = document.getElementById("work-orders");
    if (!orders) { panel.hidden = true; return; }
    panel.hidden = false;
    ["open", "overdue", "complaintsOpen", "complaintsOverdue"].forEach(function (k) {
      panel.querySelector('[data-field="workOrders.' + k + '"]').textContent = count(orders[k]);
    });
    document.getElementById("work-orders-overdue").className = "state" + (orders.overdue > 0 ? " overdue" : "");
    document.getElementById("complaints-overdue").className = "state" + (orders.complaintsOverdue > 0 ? " overdue" : "");
    panel.setAttribute("data-available", orders.available ? "yes" : "no");
  }

  // The standards judge each brand's and each tier's seats apart: calls answered within 10 s over
  // the calls offered, over every queue.
  function tenSeconds(brands, tiers) {
    var panel = document.getElementById("ten-seconds");
    panel.hidden = !brands || !tiers;
    if (panel.hidden) { return; }
    function boxes(rows, key) {
      return rows.map(function (r) {
        return el("div", {"class": "state", ["data-" + key]: r[key]}, [r.label + " ",
          el("b", {"data-field": key + "s." + r[key] + ".answerRate10s"}, [pct(r.answerRate10s)])]);
      });
    }
    var byBrand = document.getElementById("ten-seconds-brands");
    byBrand.replaceChildren.apply(byBrand, boxes(brands, "brand"));
    var byTier = document.getElementById("ten-seconds-tiers");
    byTier.replaceChildren.apply(byTier, boxes(tiers, "tier"));
  }

  // The post-call survey over the whole hotline: the share satisfied (4 or 5) and the average.
  function survey(s) {
    var panel = document.getElementById("survey");
    if (!s) { panel.hidden = true; return; }
    panel.hidden = false;
    panel.querySelector('[data-field="survey.satisfiedPercent"]').textContent = percent(s.satisfiedPercent);
    panel.querySelector('[data-field="survey.averageScore"]').textContent = score(s.averageScore);
    panel.querySelector('[data-field="survey.answered"]').textContent = count(s.answered);
  }

  function setStatus(kind, text) {
    var status = document.getElementById("status");
    status.className = "status " + kind;
    status.textContent = text;
  }

  var retryMs = 1000;
  var heartbeat = null;

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var ws = new WebSocket(scheme + location.host + "/cti");
    ws.onopen = function () { ws.send(JSON.stringify({type: "watch"})); };
    ws.onmessage = function (event) {
      var message = JSON.parse(event.data);
      if (message.type === "watching") {
        retryMs = 1000;
        setStatus("live", "live");
        clearInterval(heartbeat);
        heartbeat = setInterval(function () { ws.send(JSON.stringify({type: "heartbeat"})); },
          Math.max(1000, message.heartbeatMs / 2));
      } else if (message.type === "board") {
        liveSeen = true;
        render(message.board, "live");
      } else if (message.type === "error") {
        setStatus("lost", message.code);
      }
    };
    ws.onclose = function () {
      clearInterval(heartbeat);
      setStatus("lost", "reconnecting");
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 30000);
    };
  }

  var liveSeen = false;
  fetch("/api/queues").then(function (r) { return r.json(); })
    .then(function (doc) { if (!liveSeen) { render(doc, "fetch"); } })
    .catch(function () { setStatus("lost", "no figures"); });
  connect();
})();
