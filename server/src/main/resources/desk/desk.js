// The agent's and team lead's desk: one WebSocket to /cti (docs/cti-protocol.md). An agent sets
// ready or not ready, sees the ringing call with the customer's profile and last work orders,
// transfers it, and works orders; a team lead sees the floor and acts on it, and works orders.
(function () {
  "use strict";

  var STATE_LABELS = {"ready": "空闲 ready", "not-ready": "示忙 not ready", "ringing": "振铃 ringing",
    "talking": "通话 talking", "wrap-up": "话后 wrap-up", "logged-out": "未登录 logged out"};
  var KIND_LABELS = {"fault": "故障 fault", "complaint": "投诉 complaint", "question": "咨询 question",
    "follow-up": "回访 follow-up"};
  var ORDER_STATE_LABELS = {"opened": "新建 opened", "dispatched": "已派 dispatched", "in-progress": "处理中 in progress",
    "resolved": "已办结 resolved", "revisited": "已回访 revisited", "closed": "已归档 closed"};
  var MILESTONE_LABELS = {"hand-off": "派单 hand-off", "check": "核查 check", "first-reply": "首次答复 first reply",
    "fix": "办结 fix", "revisit": "回访 revisit"};

  var desk = null;           // the connection to /cti while logged in
  var login = null;          // {role, id, secret} while logged in, for a reconnect
  var role = null;
  var call = null;           // the call on the desk: {callId, number, queue, tier, brand, recordingCall}
  var selectedOrder = null;  // the order whose detail is open
  var agents = {};           // supervisor: agent id -> {name, state, reason}

  function $(id) { return document.getElementById(id); }

  var el = acd.el;

  function text(id, value) { $(id).textContent = value === null || value === undefined ? "—" : String(value); }

  function time(ms) {
    var d = new Date(ms);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return (d.getMonth() + 1) + "-" + two(d.getDate()) + " " + two(d.getHours()) + ":" + two(d.getMinutes());
  }

  function show(message, info) {
    var box = $("message");
    box.textContent = message;
    box.className = info ? "info" : "";
    box.hidden = false;
  }

  function send(request) {
    if (!desk || !desk.send(request)) {
      show("未连接 not connected: the request was not sent");
    }
  }

  function connection(state, label) {
    document.body.setAttribute("data-connection", state);
    text("connection", label);
  }

  function connect() {
    desk = acd.deskConnection(login, {message: handle, state: connection});
  }

  function handle(m) {
    switch (m.type) {
      case "loggedIn": return loggedIn(m);
      case "state": return stateChanged(m);
      case "agents": return floor(m.agents);
      case "figures": return queueRows(m.queues);
      case "offered": return offered(m);
      case "offerCancelled": return callOver("未接通 not connected: " + m.reason);
      case "connected": return connected(m);
      case "ended": return callOver("已结束 ended");
      case "transferred": return callOver("已转接 transferred");
      case "consulting": return phase("咨询中 consulting " + m.colleague);
      case "consultEnded": return m.handedOver && m.fromAgent === login.id ? callOver("已转交 handed over")
        : phase("通话 talking");
      case "tasks": return taskRows(m.tasks);
      case "task":
        show("留言 " + m.task.task + ": " + m.action, true);
        return send({type: "tasks"});
      case "orders": return m.customer ? customerOrders(m.orders) : orderRows(m.orders, m.timeMs);
      case "order": return orderChanged(m.action, m.order);
      case "orderHistory": return history(m.order, m.steps);
      case "ordersCsv": return exported(m);
      case "recording": return recording(m);
      case "orderEscalated":
        show("工单 " + m.order.order + " 升级为 " + m.order.gradeLabel + " (overdue: " + m.order.overdue.join(", ") + ")");
        return send({type: "orders"});
      case "error": return error(m);
      default: return undefined;
    }
  }

  function loggedIn(m) {
    role = m.role;
    document.body.setAttribute("data-role", role);
    $("login").hidden = true;
    $("workspace").hidden = false;
    $("message").hidden = true;
    text("who", (role === "agent" ? "坐席 " : "班长 ") + login.id + (m.name ? " " + m.name : ""));
    document.querySelectorAll("[data-for]").forEach(function (section) {
      section.hidden = section.getAttribute("data-for") !== role || section.id === "call";
    });
    var reasons = role === "agent" ? $("reason") : $("supervisor-reason");
    reasons.innerHTML = "";
    (m.reasons || []).forEach(function (r) { reasons.appendChild(el("option", {"value": r.name}, [r.name])); });
    if (role === "agent") {
      agentState(m.state, m.reason);
    }
    send({type: "orders"});
    send({type: "tasks"});
  }

  function agentState(state, reason) {
    var badge = $("state");
    badge.hidden = false;
    badge.setAttribute("data-state", state);
    badge.textContent = (STATE_LABELS[state] || state) + (reason ? " · " + reason : "");
  }

  function stateChanged(m) {
    if (role === "agent" && m.agent === login.id) {
      agentState(m.state, m.reason);
    } else if (role === "supervisor") {
      var a = agents[m.agent] || {name: ""};
      a.state = m.state;
      a.reason = m.reason;
      agents[m.agent] = a;
      drawFloor();
    }
  }

  // ---- the call ----

  function phase(label) { text("call-phase", label); }

  function offered(m) {
    call = {callId: m.callId, number: m.callerNumber, queue: m.queue, tier: m.tier, brand: m.brand, recordingCall: null};
    $("call").hidden = false;
    phase("振铃 ringing");
    text("call-number", m.callerNumber);
    text("call-queue", m.queueLabel || m.queue);
    text("call-tier", m.tierLabel || m.tier);
    text("call-brand", m.brandLabel || m.brand);
    text("call-manager", m.accountManager);
    text("call-wait", m.waitSeconds + " s");
    $("customer-orders").innerHTML = "";
    if (m.callerNumber) {
      $("order-customer").value = m.callerNumber;
      send({type: "orders", customer: m.callerNumber});
    }
  }

  function connected(m) {
    if (!call || call.callId !== m.callId) {
      // handed over by a colleague: no ringing pop came first
      offered({callId: m.callId, callerNumber: m.callerNumber, queue: m.queue, waitSeconds: m.waitSeconds});
    }
    // the recording is named by the queue_log's call id, which the order keeps to hear it later
    var file = (m.recording || "").split("/").pop();
    call.recordingCall = file ? file.replace(/\.wav$/, "") : null;
    phase("通话 talking");
  }

  function callOver(label) {
    phase(label);
  }

  function customerOrders(orders) {
    var list = $("customer-orders");
    list.innerHTML = "";
    if (orders.length === 0) {
      list.appendChild(el("li", {}, ["无 none"]));
    }
    orders.forEach(function (o) {
      list.appendChild(el("li", {"data-order": o.order}, [o.order + " " + (KIND_LABELS[o.kind] || o.kind) + " · "
        + (ORDER_STATE_LABELS[o.state] || o.state) + " · " + time(o.openedMs) + " · " + o.summary]));
    });
  }

  // ---- the floor (supervisor) ----

  function floor(list) {
    agents = {};
    list.forEach(function (a) { agents[a.agent] = {name: a.name, state: a.state, reason: a.reason}; });
    drawFloor();
  }

  function drawFloor() {
    var body = $("floor-agents");
    body.innerHTML = "";
    Object.keys(agents).sort().forEach(function (id) {
      var a = agents[id];
      var busy = el("button", {"type": "button", "data-agent": id, "data-action": "setNotReady"}, ["示忙 not ready"]);
      var out = el("button", {"type": "button", "data-agent": id, "data-action": "logoutAgent"}, ["签出 log out"]);
      body.appendChild(el("tr", {"data-agent": id, "data-state": a.state}, [el("td", {}, [id]), el("td", {}, [a.name || ""]),
        el("td", {}, [(STATE_LABELS[a.state] || a.state) + (a.reason ? " · " + a.reason : "")]), el("td", {}, [busy, out])]));
    });
  }

  // ---- the queues (supervisor): figures every couple of seconds, and peak mode ----

  function queueRows(queues) {
    var body = $("queue-rows");
    body.innerHTML = "";
    queues.forEach(function (q) {
      var peak = q.peakMode === undefined ? "—" : el("button", {"type": "button", "data-queue": q.queue,
        "data-on": q.peakMode ? "false" : "true"}, [q.peakMode ? "高峰中 on · 恢复 switch off" : "切换高峰 switch on"]);
      var level = q.serviceLevel === null ? "—" : (q.serviceLevel * 100).toFixed(1) + "%";
      body.appendChild(el("tr", {"data-queue": q.queue, "data-peak": q.peakMode ? "on" : "off"}, [
        el("td", {}, [q.label + " (" + q.queue + ")"]), el("td", {}, [String(q.waitingNow)]), el("td", {}, [level]),
        el("td", {}, [peak])]));
    });
  }

  // ---- voicemail reply tasks: the highest tier first, then the oldest message ----

  var OUTCOMES = [["reached", "已回复 reached"], ["not-reached", "未接通 not reached"], ["resolved", "已解决 resolved"]];

  function taskRows(tasks) {
    var body = $("task-rows");
    body.innerHTML = "";
    tasks.forEach(function (t) {
      var actions = [];
      if (role === "agent") {
        if (t.takenBy !== login.id) {
          actions.push(el("button", {"type": "button", "data-task": t.task, "data-action": "takeTask"}, ["接手 take"]));
        } else {
          actions.push(el("button", {"type": "button", "data-task": t.task, "data-action": "playMessage"}, ["听留言 play"]));
          actions.push(el("button", {"type": "button", "data-task": t.task, "data-action": "callBack"}, ["回电 call back"]));
          var outcome = el("select", {"data-task": t.task, "aria-label": "outcome"},
            OUTCOMES.map(function (o) { return el("option", {"value": o[0]}, [o[1]]); }));
          actions.push(outcome);
          actions.push(el("button", {"type": "button", "data-task": t.task, "data-action": "taskOutcome"}, ["记录 record"]));
        }
      }
      body.appendChild(el("tr", {"class": "task" + (t.overdue ? " overdue" : ""), "data-task": t.task,
        "data-taken-by": t.takenBy || ""}, [
        el("td", {}, [t.callerNumber]), el("td", {}, [t.queue]), el("td", {}, [t.tier || ""]),
        el("td", {}, [time(t.leftMs)]), el("td", {}, [time(t.dueMs) + (t.overdue ? " 逾期 overdue" : "")]),
        el("td", {}, [t.takenBy || ""]), el("td", {}, [String(t.attempts)]), el("td", {}, actions)]));
    });
  }

  // ---- work orders ----

  function orderRows(orders, nowMs) {
    var body = $("order-rows");
    body.innerHTML = "";
    orders.forEach(function (o) {
      var overdue = o.overdue.length > 0;
      var due = o.nextDue ? (MILESTONE_LABELS[o.nextDue] || o.nextDue) + " " + time(o.nextDueMs) : "—";
      var row = el("tr", {"class": "order" + (overdue ? " overdue" : "") + (selectedOrder === o.order ? " selected" : ""),
        "data-order": o.order, "data-state": o.state}, [
        el("td", {}, [String(o.order)]), el("td", {}, [KIND_LABELS[o.kind] || o.kind]),
        el("td", {}, [o.gradeLabel || ""]), el("td", {}, [ORDER_STATE_LABELS[o.state] || o.state]),
        el("td", {}, [o.customer]), el("td", {}, [o.summary || ""]), el("td", {}, [o.assignee || ""]),
        el("td", {}, [overdue ? "逾期 overdue: " + o.overdue.map(function (m) { return MILESTONE_LABELS[m] || m; }).join(", ")
          : due])]);
      row.addEventListener("click", function () { select(o); });
      body.appendChild(row);
    });
  }

  function select(o) {
    if (selectedOrder !== o.order) {
      $("recording-player").hidden = true;
      $("recording-player").removeAttribute("src");
    }
    selectedOrder = o.order;
    $("order-detail").hidden = false;
    text("detail-number", o.order);
    text("detail-state", ORDER_STATE_LABELS[o.state] || o.state);
    // the call the order is about, whose recording the desk may hear (who may is the server's call)
    $("detail-call").hidden = !o.call;
    $("detail-call").setAttribute("data-call", o.call || "");
    text("detail-call-id", o.call);
    text("detail-agent", o.agent);
    document.querySelectorAll("tr.order").forEach(function (r) {
      r.classList.toggle("selected", Number(r.getAttribute("data-order")) === o.order);
    });
    send({type: "orderHistory", order: o.order});
  }

  function orderChanged(action, o) {
    show("工单 " + o.order + ": " + action + " → " + (ORDER_STATE_LABELS[o.state] || o.state), true);
    if (action === "openOrder" || selectedOrder === o.order) {
      select(o);
    }
    $("step-note").value = "";
    send({type: "orders"});
    if (call && call.number === o.customer) {
      send({type: "orders", customer: o.customer});
    }
  }

  function history(order, steps) {
    if (order !== selectedOrder) {
      return;
    }
    var list = $("detail-history");
    list.innerHTML = "";
    steps.forEach(function (s) {
      list.appendChild(el("li", {"data-step": s.step}, [time(s.atMs) + " " + s.step + " · " + s.actor
        + (s.note ? " · " + s.note : "")]));
    });
  }

  function exported(m) {
    var link = $("export-link");
    acd.csvLink(link, m.csv, "work-orders-" + m.from + "-" + m.to + ".csv");
    link.setAttribute("data-orders", m.orders);
    link.textContent = "下载 download " + m.orders + " 张工单 orders (" + m.from + " – " + m.to + ")";
    $("export-from").value = m.from;
    $("export-to").value = m.to;
  }

  function recording(m) {
    var player = $("recording-player");
    player.src = m.url;
    player.setAttribute("data-call", m.call);
    player.hidden = false;
  }

  function error(m) {
    show("[" + m.code + "] " + m.message);
    if (m.code === "auth_failed" || m.code === "too_many_failures") {
      login = null;
      desk.close();
      $("login").hidden = false;
    }
  }

  // ---- what the user does ----

  $("login").addEventListener("submit", function (event) {
    event.preventDefault();
    login = {role: $("login-role").value, id: $("login-id").value.trim(), secret: $("login-secret").value};
    $("login-secret").value = "";
    if (desk) {
      desk.close();
    }
    connect();
  });

  $("ready").addEventListener("click", function () { send({type: "ready"}); });
  $("not-ready").addEventListener("click", function () { send({type: "notReady", reason: $("reason").value}); });
  $("wrap-up-done").addEventListener("click", function () { send({type: "wrapUpDone"}); });
  $("logout").addEventListener("click", function () { send({type: "logout"}); });

  function target(type) {
    var request = {type: type};
    var agent = $("transfer-agent").value.trim();
    var queue = $("transfer-queue").value.trim();
    if (agent) { request.toAgent = agent; }
    if (queue) { request.queue = queue; }
    return request;
  }

  $("transfer").addEventListener("click", function () { send(target("transfer")); });
  $("consult").addEventListener("click", function () { send(target("consult")); });
  $("complete-consult").addEventListener("click", function () { send({type: "completeConsult"}); });
  $("cancel-consult").addEventListener("click", function () { send({type: "cancelConsult"}); });

  $("floor-agents").addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (!button) { return; }
    var request = {type: button.getAttribute("data-action"), agent: button.getAttribute("data-agent")};
    if (request.type === "setNotReady") { request.reason = $("supervisor-reason").value; }
    send(request);
  });

  $("task-rows").addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (!button) { return; }
    var task = Number(button.getAttribute("data-task"));
    var request = {type: button.getAttribute("data-action"), task: task};
    if (request.type === "taskOutcome") {
      request.outcome = $("task-rows").querySelector("select[data-task='" + task + "']").value;
    }
    send(request);
  });

  $("refresh-tasks").addEventListener("click", function () { send({type: "tasks"}); });

  $("queue-rows").addEventListener("click", function (event) {
    var button = event.target.closest("button[data-queue]");
    if (!button) { return; }
    send({type: "peakMode", queue: button.getAttribute("data-queue"), on: button.getAttribute("data-on") === "true"});
  });

  $("order-kind").addEventListener("change", function () {
    $("order-grade").disabled = $("order-kind").value !== "complaint";
  });

  $("new-order").addEventListener("submit", function (event) {
    event.preventDefault();
    var request = {type: "openOrder", kind: $("order-kind").value, customer: $("order-customer").value.trim(),
      summary: $("order-summary").value.trim()};
    if (request.kind === "complaint") { request.grade = $("order-grade").value; }
    if (call && call.number === request.customer) {
      // the order is about the call on the desk: its queue, tier and brand, and its recording's call id
      request.call = call.recordingCall;
      request.queue = call.queue;
      request.tier = call.tier;
      request.brand = call.brand;
    }
    send(request);
    $("order-summary").value = "";
  });

  document.querySelectorAll("#order-detail button[data-step]").forEach(function (button) {
    button.addEventListener("click", function () {
      var step = button.getAttribute("data-step");
      var request = {type: "orderStep", order: selectedOrder, step: step};
      var note = $("step-note").value.trim();
      if (note) { request.note = note; }
      if (step === "dispatch") { request.to = $("step-to").value.trim(); }
      if (step === "revisit") { request.satisfied = $("step-satisfied").checked; }
      send(request);
    });
  });

  $("export").addEventListener("submit", function (event) {
    event.preventDefault();
    // days left empty are the server's: this month so far, in the hotline's time zone
    send({type: "exportOrders", from: $("export-from").value || null, to: $("export-to").value || null});
  });

  $("hear-recording").addEventListener("click", function () {
    send({type: "hearRecording", call: $("detail-call").getAttribute("data-call")});
  });

  $("refresh-orders").addEventListener("click", function () { send({type: "orders"}); });
})();
