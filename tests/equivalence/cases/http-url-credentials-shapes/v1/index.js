const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

// Credentials written in the URL three ways: a template at the call (with an escape in the
// password), a URL whose request also sets its own Authorization header (request then ignores
// the URL's credentials), and user-info only known at run time.
async function lambda(input, callback) {
    const ticketId = input.payload.ticketId;
    try {
        const ticket = await httpClient(`https://bot-7:p%40ss@desk.example.com/api/tickets/${ticketId}`, {
            json: true,
            headers: { "X-Desk-Version": "3" },
        });
        const audit = await httpClient.post("https://ops:unused@audit.example.com/events", {
            headers: { authorization: "Bearer tok-88" },
            json: true,
            body: { ticket: ticket.id, action: "read" },
        });
        const mirror = await httpClient(`https://${input.payload.mirrorUser}:m1rr0r@mirror.example.com/t/${ticketId}`);
        callback(null, { subject: ticket.subject, audit: audit.logged, mirror: JSON.parse(mirror).ok });
    } catch (err) {
        callback(err);
    }
}
