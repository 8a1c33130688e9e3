// Totals an order; every working variable was left undeclared.
function lambda(input, callback) {
    total = 0;
    input.payload.lines.forEach(function (line) {
        total += line.qty * line.price;
    });
    for (code in input.payload.discounts) {
        total -= input.payload.discounts[code];
    }
    labels = [];
    for (tag of input.payload.tags) {
        tag = tag.toLowerCase();
        labels.push(tag);
    }
    for (i = 0; i < 2; i++) {
        total = total * 1;
    }
    callback(null, { total: round(total), labels: labels, summary: summarize(input.payload.lines) });
}

function round(value) {
    scaled = Math.round(value * 100);
    return scaled / 100;
}

function summarize(lines) {
    names = [];
    for (n = 0; n < lines.length; n++) {
        names.push(lines[n].sku);
    }
    return names.join(",");
}
