const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) { // the handler
    total = 0;
    input.payload.items.forEach(function (item) {
        total += item.price;
    });
    summary = { count: input.payload.items.length, total: total };
    callback(null, describe(summary));
}

function describe(s) { text = s.count + " items"; return text; }

const round = (value) => {
    "use strict";
    scaled = value * 100;
    return Math.round(scaled) / 100;
};

function countdown(n) {
    left = n;
    if (left > 0) countdown(left - 1);
    return left;
}
