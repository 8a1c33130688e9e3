fn main() -> std::process::ExitCode {
    faas_migrate::command_line()
}
