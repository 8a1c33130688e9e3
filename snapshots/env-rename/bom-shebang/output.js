#!/usr/bin/env node
// brand id
const brand = process.env.X_LIVEPERSON_BRAND_ID;
