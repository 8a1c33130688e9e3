import { Toolbelt } from "core-functions-toolbelt";

async function lambda(input) {
  const response = await fetch("https://api.example.com/a", { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`status ${response.status}`);
  return response.json();
}
