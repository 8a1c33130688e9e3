const { Toolbelt } = require("lp-faas-toolbelt");

// The body as request-promise's `json: true` read it: parsed JSON, or the text itself
// when it is not JSON (undefined when empty).
async function readJson(response) {
    const text = await response.text();
    try {
        return text === "" ? undefined : JSON.parse(text);
    } catch {
        return text;
    }
}

// request-promise's rejection of a response with a status outside 2xx (its `simple` option).
class StatusCodeError extends Error {
    constructor(statusCode, body) {
        super(`${statusCode} - ${JSON.stringify(body)}`);
        this.name = "StatusCodeError";
        this.statusCode = statusCode;
        this.error = body;
    }
}

async function fetchAllAgents(team) {
    let page = 1;
    let agents = [];
    let more = true;
    while (more) {
        const response = await fetch(`https://api.example.com/wfm/agents?${new URLSearchParams({ team: team, page: page, pageSize: 2 })}`, {
            headers: { Accept: "application/json" },
        });
        if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
        const res = await readJson(response);
        agents = agents.concat(res.data);
        more = res.hasMore;
        page += 1;
    }
    return agents;
}

async function lambda(input, callback) {
    const agents = await fetchAllAgents(input.payload.team);
    callback(null, agents.length);
}
