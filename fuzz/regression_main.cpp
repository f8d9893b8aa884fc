// bzc_fuzz_regressions DIR: runs every file of DIR/<target>/ through the fuzz
// target of that name (fuzz_target.h), as CTest does for fuzz/regressions/.
// A crash or a sanitizer report fails the test; so does an unknown target.
#include "fuzz_target.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: bzc_fuzz_regressions DIR  (DIR/<target>/<input>…)\n";
        return 2;
    }
    namespace fs = std::filesystem;
    bzc::fuzz::initialise();
    std::vector<fs::path> dirs;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(argv[1], ec))
        if (entry.is_directory()) dirs.push_back(entry.path());
    std::sort(dirs.begin(), dirs.end());
    int failures = 0;
    std::size_t total = 0;
    for (const auto& dir : dirs) {
        bzc::fuzz::Target target = bzc::fuzz::find_target(dir.filename().string());
        if (!target) {
            std::cerr << dir.string() << ": no fuzz target of this name\n";
            ++failures;
            continue;
        }
        std::vector<fs::path> inputs;
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.is_regular_file() && entry.path().filename().string().front() != '.') inputs.push_back(entry.path());
        std::sort(inputs.begin(), inputs.end());
        for (const auto& input : inputs) {
            std::cout << dir.filename().string() << '/' << input.filename().string() << std::endl;
            std::ifstream in(input, std::ios::binary);
            std::stringstream bytes;
            bytes << in.rdbuf();
            target(bytes.str());
            ++total;
        }
    }
    std::cout << total << " regression inputs passed\n";
    return failures == 0 ? 0 : 1;
}
