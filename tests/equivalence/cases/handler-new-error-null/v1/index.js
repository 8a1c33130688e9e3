const SUPPORTED = ["sms", "whatsapp", "web"];

async function lambda(input, callback) {
    const channel = (input.payload.channel || "").toLowerCase();

    if (SUPPORTED.indexOf(channel) === -1) {
        // The invoker retries on failure, so fail loudly for unknown channels
        callback(new Error("Unsupported channel: " + channel), null);
        return;
    }

    callback(null, { channel: channel, template: "default-" + channel });
}
