// a helper module without a handler
function each(list) {
    list.map((x) => console.log(x));
}
module.exports = { each };
