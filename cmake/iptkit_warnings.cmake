# Warnings for the project's own targets only (never forced on consumers).
function(iptkit_set_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic
      # Partial designated initialisation of the model's aggregates is the intended style.
      -Wno-missing-field-initializers)
    if(IPTKIT_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
endfunction()
