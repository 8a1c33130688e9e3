const { Toolbelt } = require("lp-faas-toolbelt");

function lambda(input, callback) {
    const httpClient = Toolbelt.HTTPClient();

    function fail(reason) {
        callback(new Error(reason), null);
    }

    function succeed(appointments) {
        callback(null, {
            count: appointments.length,
            next: appointments.length ? appointments[0].start : null
        });
    }

    if (!input.payload.patientId) {
        return fail("patientId missing");
    }

    httpClient("https://api.example.com/clinic/v1/appointments", {
        qs: { patient: input.payload.patientId, status: "booked" },
        json: true
    })
        .then((res) => succeed(res.items))
        .catch((err) => fail("appointment lookup failed: " + err.statusCode));
}
