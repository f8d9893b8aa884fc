#include "model/metadata.h"

namespace bzc::model {

SourceLocation Metadata::where(std::string_view field) const {
    auto it = field_locations.find(field);
    return it != field_locations.end() ? it->second : location;
}

}  // namespace bzc::model
