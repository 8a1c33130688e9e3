function normalizePhone(raw) {
    var digits = String(raw || "").replace(/[^0-9]/g, "");
    if (digits.length === 10) {
        digits = "1" + digits;
    }
    return "+" + digits;
}

function lambda(input, callback) {
    var phone = normalizePhone(input.payload.phone);
    if (phone.length < 11) {
        return callback(new Error("Invalid phone number"), null);
    }
    callback(null, { phone: phone });
}

module.exports = { lambda };
