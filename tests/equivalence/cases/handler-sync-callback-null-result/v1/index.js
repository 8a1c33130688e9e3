/**
 * Welcome message for returning consumers.
 * Triggered by the "Messaging Conversation Start" event.
 */
function lambda(input, callback) {
    const payload = input.payload || {};
    const name = payload.firstName ? payload.firstName.trim() : "there";
    var greeting = "Hi " + name + ", welcome back!";

    if (payload.vip === true) {
        greeting += " A priority agent will be with you shortly.";
    }

    const response = {
        messages: [greeting],
        context: {
            vip: !!payload.vip,
            language: payload.language || "en-US"
        }
    };
    callback(null, response);
}
