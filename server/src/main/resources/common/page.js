// What the server's pages (the wallboard, the desk) share: building elements.
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

  return {el: el};
})();
