// CRLF with a byte order mark
import { Toolbelt, LpServices } from "core-functions-toolbelt";

async function lambda(input) {
	// TODO(faas-migrate): `PORT` is reserved in V2 (the platform sets it); rename this variable here and in config.json [env-rename]
	const port = process.env.PORT;
	return { brand: process.env.X_LIVEPERSON_BRAND_ID, port: port };
}
