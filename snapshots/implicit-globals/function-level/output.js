const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) { // the handler
    let total;
    let summary;
    total = 0;
    input.payload.items.forEach(function (item) {
        total += item.price;
    });
    summary = { count: input.payload.items.length, total: total };
    callback(null, describe(summary));
}

function describe(s) { let text; text = s.count + " items"; return text; }

const round = (value) => {
    "use strict";
    let scaled;
    scaled = value * 100;
    return Math.round(scaled) / 100;
};

let left;
function countdown(n) {
    left = n;
    if (left > 0) countdown(left - 1);
    return left;
}
