"""MkDocs hooks (registered in mkdocs.yml ``hooks:``): the site generated from the data.

MkDocs loads this file by path, so it only forwards events to one
:class:`duizhao.site.build.SiteBuilder`.
"""

from duizhao.site.build import SiteBuilder
from duizhao.site.html import COMPILED

builder = SiteBuilder()
_site = builder  # on_serve's own ``builder`` argument is MkDocs' rebuild function


def on_startup(command, dirty):
    builder.start(command, dirty)


def on_config(config):
    builder.configure(config)
    return config


def on_files(files, config):
    return builder.add_files(files, config)


def on_nav(nav, config, files):
    return builder.build_navs(nav, config, files)


def on_page_content(html, page, config, files):
    generated = builder.content(page)
    return html if generated is None else generated


def on_env(env, config, files):
    builder.wait_for_exports()
    env.bytecode_cache = COMPILED  # the theme's templates, compiled once per process
    return env


def on_page_context(context, page, config, nav):
    builder.context(page)
    context["nav"] = builder.nav_for(page) or nav
    context["duizhao_alternates"] = builder.alternates(page)
    context["duizhao_lang"] = builder.lang_of(page)
    context["duizhao_head"] = builder.head(page, config)
    context["duizhao_labels"] = builder.labels(page)
    return context


def on_post_build(config):
    builder.finish(config)


def on_build_error(error):
    builder.close()


def on_serve(server, config, builder):
    return _site.watch(server)


def on_shutdown():
    builder.shutdown()
