#include "support/system_errors.h"

#include <cerrno>
#include <cstring>

namespace bzc {

std::pair<std::string, std::string> describe_system_error(int error) {
    switch (error) {
        case ENOENT: return {"文件不存在", "no such file"};
        case EACCES:
        case EPERM: return {"没有访问权限", "permission denied"};
        case EISDIR: return {"是目录，不是文件", "is a directory"};
        case ENOTDIR: return {"路径中有一部分不是目录", "a part of the path is not a directory"};
        case ELOOP: return {"符号链接循环", "too many levels of symbolic links"};
        case ENOSPC: return {"磁盘空间不足", "no space left on the device"};
        case EROFS: return {"文件系统只读", "read-only file system"};
        case ENAMETOOLONG: return {"文件名过长", "file name too long"};
        case EMFILE:
        case ENFILE: return {"打开的文件过多", "too many open files"};
        case EIO: return {"输入输出错误", "input/output error"};
        default: {
            std::string text = std::strerror(error);
            return {"系统错误：" + text, text};
        }
    }
}

}  // namespace bzc
