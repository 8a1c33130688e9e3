// Picks the agent group for a consumer based on their segments.
// Several segments may match; the platform keeps the first answer.
function lambda(input, callback) {
    const segments = input.payload.segments || [];
    const groups = {
        platinum: "vip-desk",
        gold: "priority-desk",
        churn_risk: "retention"
    };

    segments.forEach(function (segment) {
        if (groups[segment]) {
            callback(null, { group: groups[segment], segment: segment });
        }
    });

    callback(null, { group: "standard", segment: null });
}
