async function lambda(input) {
  const response = await fetch("https://auth.example.com/oauth/token", {
    method: "POST",
    body: new URLSearchParams({ grant_type: "client_credentials", scope: input.scope }),
  });
  const body = await response.text();
  return { status: response.status, token: JSON.parse(body).access_token };
}
