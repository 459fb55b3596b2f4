#include "mask/dictionaries.h"

namespace kanon::mask {
namespace {

// Given names from many languages, ASCII only, so outputs fit any encoding and column.
constexpr std::string_view kFirst[] = {
    "Aaron",   "Abigail", "Adam",   "Adele",  "Adrian", "Agnes",  "Ahmed",  "Aiko",    "Alan",
    "Alba",    "Albert",  "Alex",   "Alice",  "Amara",  "Amelia", "Amir",   "Ana",     "Andrea",
    "Andrew",  "Anika",   "Ann",    "Anton",  "Arjun",  "Astrid", "Aurora", "Ben",     "Bianca",
    "Boris",   "Brenda",  "Bruno",  "Camila", "Carl",   "Carmen", "Chen",   "Chiara",  "Chloe",
    "Chris",   "Clara",   "Colin",  "Dana",   "Daniel", "Daria",  "David",  "Diego",   "Dora",
    "Duncan",  "Edgar",   "Elena",  "Eli",    "Elif",   "Ella",   "Emil",   "Emma",    "Enzo",
    "Erik",    "Esther",  "Ethan",  "Eva",    "Farah",  "Felix",  "Fiona",  "Frank",   "Freya",
    "Gabriel", "Gemma",   "George", "Gina",   "Grace",  "Greta",  "Hana",   "Hannah",  "Harry",
    "Hassan",  "Hector",  "Helen",  "Henry",  "Hugo",   "Ian",    "Ida",    "Igor",    "Ines",
    "Ingrid",  "Irene",   "Isaac",  "Ivan",   "Jack",   "Jade",   "James",  "Jana",    "Jasmine",
    "Javier",  "Jin",     "Joan",   "Jonas",  "Jorge",  "Julia",  "Kai",    "Karen",   "Karim",
    "Kate",    "Kenji",   "Kevin",  "Kira",   "Lara",   "Laura",  "Leo",    "Leon",    "Lena",
    "Liam",    "Lily",    "Linda",  "Lucas",  "Lucia",  "Luis",   "Luka",   "Maya",    "Malik",
    "Marco",   "Maria",   "Mark",   "Marta",  "Mateo",  "Mei",    "Mia",    "Miguel",  "Mila",
    "Milan",   "Mina",    "Nadia",  "Naomi",  "Nathan", "Nia",    "Nico",   "Nina",    "Noah",
    "Nora",    "Olga",    "Oliver", "Olivia", "Omar",   "Oscar",  "Paolo",  "Paula",   "Pedro",
    "Peter",   "Petra",   "Priya",  "Quinn",  "Rafael", "Rahul",  "Rana",   "Rebecca", "Rita",
    "Robert",  "Rosa",    "Ruby",   "Ryan",   "Sadie",  "Sam",    "Sara",   "Sean",    "Selma",
    "Sergei",  "Simon",   "Sofia",  "Sonia",  "Stefan", "Sven",   "Tara",   "Teresa",  "Theo",
    "Tina",    "Tom",     "Uma",    "Vera",   "Victor", "Vikram", "Viola",  "Walter",  "Wanda",
    "Wei",     "Xavier",  "Yara",   "Yuki",   "Yusuf",  "Zara",   "Zoe",    "Zoltan",
};

constexpr std::string_view kLast[] = {
    "Abbott",   "Adler",     "Alvarez", "Andersen", "Arnold",  "Bailey",    "Baker",     "Banerjee",
    "Barnes",   "Bauer",     "Becker",  "Bell",     "Berg",    "Bianchi",   "Blake",     "Bose",
    "Brennan",  "Brooks",    "Brown",   "Bruno",    "Byrne",   "Campbell",  "Carter",    "Castro",
    "Chang",    "Chavez",    "Chen",    "Clarke",   "Cohen",   "Collins",   "Conti",     "Cooper",
    "Costa",    "Cruz",      "Dahl",    "Das",      "Davies",  "Dixon",     "Doyle",     "Dubois",
    "Dunn",     "Eriksson",  "Evans",   "Farrell",  "Fischer", "Fleming",   "Flores",    "Fontaine",
    "Ford",     "Foster",    "Fox",     "Garcia",   "Gill",    "Gomez",     "Gonzalez",  "Graham",
    "Grant",    "Gray",      "Greco",   "Gupta",    "Haas",    "Hall",      "Hansen",    "Harper",
    "Hayes",    "Hernandez", "Hill",    "Hoffmann", "Holm",    "Howard",    "Hughes",    "Ito",
    "Jansen",   "Jensen",    "Johnson", "Jones",    "Kang",    "Kaur",      "Keller",    "Kelly",
    "Khan",     "Kim",       "King",    "Klein",    "Koch",    "Kowalski",  "Kruger",    "Kumar",
    "Lambert",  "Lang",      "Larsen",  "Laurent",  "Lee",     "Lewis",     "Lindqvist", "Lopez",
    "Lund",     "Maier",     "Malik",   "Marino",   "Martin",  "Mason",     "Meyer",     "Miller",
    "Mitchell", "Moreau",    "Morgan",  "Moreno",   "Murphy",  "Nagy",      "Nakamura",  "Nash",
    "Nguyen",   "Nielsen",   "Novak",   "Nowak",    "Olsen",   "Ortiz",     "Owens",     "Park",
    "Patel",    "Perez",     "Perry",   "Petrov",   "Pham",    "Popescu",   "Price",     "Quinn",
    "Ramos",    "Rao",       "Reed",    "Reyes",    "Ricci",   "Richter",   "Rivera",    "Roberts",
    "Romano",   "Rossi",     "Russo",   "Sato",     "Schmidt", "Schneider", "Scott",     "Shah",
    "Silva",    "Singh",     "Smith",   "Sousa",    "Stewart", "Suzuki",    "Svensson",  "Tanaka",
    "Taylor",   "Thomas",    "Torres",  "Tran",     "Turner",  "Vargas",    "Varga",     "Vega",
    "Vogel",    "Wagner",    "Walker",  "Wang",     "Ward",    "Watanabe",  "Weber",     "Wells",
    "White",    "Wilson",    "Wolf",    "Wong",     "Wright",  "Yamamoto",  "Yang",      "Young",
    "Zhang",    "Zhou",      "Ziegler",
};

constexpr std::string_view kDomains[] = {"example.com", "example.net", "example.org"};

}  // namespace

std::span<const std::string_view> FirstNames() { return kFirst; }
std::span<const std::string_view> LastNames() { return kLast; }
std::span<const std::string_view> EmailDomains() { return kDomains; }

}  // namespace kanon::mask
