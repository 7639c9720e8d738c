# -*- coding: utf-8 -*-
"""A helper module shared by every thread of ft_module_function (the name
starts with "_": never listed as a workload)."""


def double(x):
    return x + x
