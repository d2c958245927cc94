/* The floor: read a YAML file and run libyaml's event parser over it, building no values.
 *
 *   gcc -O2 -o scan Benchmarks/scan.c -lyaml && ./scan plan.yaml
 *
 * Reads the whole file into memory first (as PlanCheck does), then pulls every event and
 * deletes it. Prints the number of events and scalars so the work cannot be optimised away.
 */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE.yaml\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 1; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc(size > 0 ? (size_t)size : 1);
    if (!buf || fread(buf, 1, (size_t)size, f) != (size_t)size) { perror("read"); return 1; }
    fclose(f);

    yaml_parser_t parser;
    yaml_event_t event;
    if (!yaml_parser_initialize(&parser)) { fputs("libyaml: cannot initialise\n", stderr); return 1; }
    yaml_parser_set_input_string(&parser, buf, (size_t)size);
    unsigned long events = 0, scalars = 0, bytes = 0;
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "%s:%lu:%lu: %s\n", argv[1], (unsigned long)parser.problem_mark.line + 1,
                    (unsigned long)parser.problem_mark.column + 1, parser.problem ? parser.problem : "parse error");
            return 1;
        }
        events++;
        if (event.type == YAML_SCALAR_EVENT) { scalars++; bytes += event.data.scalar.length; }
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
    free(buf);
    printf("{\"events\": %lu, \"scalars\": %lu, \"scalarBytes\": %lu}\n", events, scalars, bytes);
    return 0;
}
