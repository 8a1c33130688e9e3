const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

async function fetchAllAgents(team) {
    let page = 1;
    let agents = [];
    let more = true;
    while (more) {
        const res = await httpClient("https://api.example.com/wfm/agents", {
            qs: { team: team, page: page, pageSize: 2 },
            json: true
        });
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
