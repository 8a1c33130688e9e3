const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

// Two helpers, each with its own `options` object passed as the only argument.
const findOrder = async (orderId) => {
    const options = {
        method: "GET",
        url: `https://shop.example.com/api/orders/${orderId}`,
        headers: { "X-Api-Key": "k-314" }
    };
    const text = await httpClient(options);
    return JSON.parse(text);
};

const addNote = async (orderId, note) => {
    const options = {
        method: "POST",
        url: `https://shop.example.com/api/orders/${orderId}/notes`,
        headers: { "Content-Type": "application/json", "X-Api-Key": "k-314" },
        body: JSON.stringify({ note }),
        simple: false,
        resolveWithFullResponse: true
    };
    const response = await httpClient(options);
    return response.statusCode;
};

async function lambda(input, callback) {
    try {
        const order = await findOrder(input.payload.orderId);
        const noteStatus = await addNote(order.id, `seen by bot, total ${order.total}`);
        callback(null, { order: order.id, noteStatus });
    } catch (err) {
        callback(err, null);
    }
}
