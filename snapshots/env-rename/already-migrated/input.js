const brand = process.env.X_LIVEPERSON_BRAND_ID;
const { X_LIVEPERSON_FUNCTION_UUID: LAMBDA_UUID } = process.env;
const other = input.BRAND_ID;
const environment = process.environment;
