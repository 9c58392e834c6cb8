"""Forms, tables, lists and summaries (权籍调查表, 界址点成果表, 公告, 面积汇总表) as data and workbooks."""
