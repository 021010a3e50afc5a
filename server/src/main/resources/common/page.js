// What the server's pages (the wallboard, the desk, the reports) share: building elements, the
// desk connection to /cti, and handing a CSV to the browser as a download.
var acd = (function () {
  "use strict";

  // <tag attrs...>children</tag>; a string child is text, never markup.
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  // One desk connection to /cti (docs/cti-protocol.md): it logs in as it opens, keeps the
  // heartbeat the server asks for once logged in, and after a drop connects and logs in again
  // until closed. on.message(m) gets every notice; on.state(state, label) the connection's state
  // (connecting, open, lost, closed).
  function deskConnection(credentials, on) {
    var socket = null;
    var heartbeat = null;
    var reconnect = null;
    var closed = false;

    function send(request) {
      if (socket && socket.readyState === WebSocket.OPEN) {
        socket.send(JSON.stringify(request));
        return true;
      }
      return false;
    }

    function connect() {
      var scheme = location.protocol === "https:" ? "wss://" : "ws://";
      socket = new WebSocket(scheme + location.host + "/cti");
      on.state("connecting", "连接中 connecting");
      socket.onopen = function () {
        var request = {type: "login", secret: credentials.secret};
        request[credentials.role] = credentials.id;
        socket.send(JSON.stringify(request));
      };
      socket.onmessage = function (event) {
        var message;
        try {
          message = JSON.parse(event.data);
        } catch (e) {
          on.message({type: "error", code: "malformed_json", message: "the server sent something that is not JSON"});
          return;
        }
        if (message.type === "loggedIn") {
          on.state("open", "在线 connected");
          clearInterval(heartbeat);
          heartbeat = setInterval(function () { send({type: "heartbeat"}); },
            Math.max(1000, (message.heartbeatMs || 15000) / 2));
        }
        on.message(message);
      };
      socket.onclose = function () {
        clearInterval(heartbeat);
        if (closed) {
          on.state("closed", "未连接 not connected");
          return;
        }
        on.state("lost", "断开 lost: reconnecting");
        clearTimeout(reconnect);
        reconnect = setTimeout(connect, 2000);
      };
    }

    function close() {
      closed = true;
      clearTimeout(reconnect);
      clearInterval(heartbeat);
      if (socket) {
        socket.close();
      }
    }

    connect();
    return {send: send, close: close};
  }

  // Points a link at a CSV text as a file to download; a byte order mark first, so a spreadsheet
  // reads the Chinese text as UTF-8.
  function csvLink(link, csv, fileName) {
    if (link.href) {
      URL.revokeObjectURL(link.href);
    }
    link.href = URL.createObjectURL(new Blob(["\ufeff" + csv], {type: "text/csv;charset=utf-8"}));
    link.download = fileName;
    link.hidden = false;
  }

  return {el: el, deskConnection: deskConnection, csvLink: csvLink};
})();
