// Starts `faas-migrate server` for JavaScript files and lpf project files.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

async function activate(context) {
  const command =
    vscode.workspace.getConfiguration("faas-migrate").get("path") || "faas-migrate";
  const serverOptions = { command, args: ["server"] };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "javascript" },
      { scheme: "untitled", language: "javascript" },
      { scheme: "file", pattern: "**/functions/*/config.json" },
      { scheme: "file", pattern: "**/functions/settings.json" },
    ],
    // The server asks the client to watch faas-migrate.toml, and reads it again when it changes.
  };
  client = new LanguageClient("faas-migrate", "faas-migrate", serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand("faas-migrate.summarizeWorkspace", async () => {
      const s = await client.sendRequest("workspace/executeCommand", {
        command: "faas-migrate.migrateWorkspace",
        arguments: [],
      });
      vscode.window.showInformationMessage(
        `faas-migrate: ${s.files} files, ${s.wouldChange} would change (${s.edits} edits); ` +
          `findings: ${s.findings.manual} manual, ${s.findings.review} review; ${s.errors} errors`
      );
    })
  );

  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
