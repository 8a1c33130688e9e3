// File modes and control characters written the old way.
var DEFAULT_MODE = 0644;
var PADDING = 010;
var SEPARATOR = "\037";
var NINE = "\9";

function lambda(input, callback) {
    var fields = [input.payload.name, String(DEFAULT_MODE), String(PADDING + 08)];
    callback(null, { record: fields.join(SEPARATOR), codes: fields.join(SEPARATOR).split("").map(function (c) { return c.charCodeAt(0); }).filter(function (n) { return n < 040; }), nine: NINE });
}
