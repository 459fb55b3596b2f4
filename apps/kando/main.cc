#include "cli/kando_main.h"

int main(int argc, char** argv) { return kanon::cli::KandoMain(argc, argv); }
