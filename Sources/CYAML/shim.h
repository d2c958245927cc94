#ifndef PLANCHECK_CYAML_SHIM_H
#define PLANCHECK_CYAML_SHIM_H
#include <yaml.h>
#endif
