#include "cli/kanon_main.h"

int main(int argc, char** argv) { return kanon::cli::KanonMain(argc, argv); }
