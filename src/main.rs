use clap::Parser;

mod server;

fn main() -> std::process::ExitCode {
    let mut args = std::env::args_os().skip(1).peekable();
    if args.peek().is_some_and(|first| first == "prove") {
        return faas_migrate::prove::main(args.skip(1).collect());
    }
    if args.peek().is_some_and(|first| first == "server") {
        return server::run();
    }
    faas_migrate::cli::run(faas_migrate::cli::Args::parse())
}
