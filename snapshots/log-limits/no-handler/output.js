// a helper module without a handler
function each(list) {
    // TODO(faas-migrate): logging inside a loop: V2 keeps only 10 logs (16384 characters) per invocation; collect what matters and log once after the loop [log-limits]
    list.map((x) => console.log(x));
}
module.exports = { each };
