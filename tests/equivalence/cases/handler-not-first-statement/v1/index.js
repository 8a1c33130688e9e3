"use strict";

const { Toolbelt } = require("lp-faas-toolbelt");

const API_BASE = "https://api.example.com/loyalty/v3";
const TIER_LABELS = {
    1: "Bronze",
    2: "Silver",
    3: "Gold"
};

function tierLabel(level) {
    return TIER_LABELS[level] || "Member";
}

async function lambda(input, callback) {
    const httpClient = Toolbelt.HTTPClient();
    const member = await httpClient(API_BASE + "/members/" + input.payload.memberId, {
        method: "GET",
        json: true
    });
    callback(null, formatMember(member));
}

function formatMember(member) {
    return {
        name: member.firstName + " " + member.lastName,
        tier: tierLabel(member.level),
        points: member.points
    };
}
