#!/usr/bin/env node
// brand id
const brand = process.env.BRAND_ID;
