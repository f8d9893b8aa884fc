#include "driver/cli.h"

#include <libxml/parser.h>

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
    xmlInitParser();
    try {
        return bzc::driver::run_cli(argc, argv);
    } catch (const std::exception& e) {
        // A bug in bzc, not a problem with the input: say so plainly.
        std::cerr << "bzc: internal error: " << e.what() << "\nPlease report this with the input that caused it.\n";
        return 3;
    }
}
