// migrate: --rules=cleanup-attr
// migrate-pkg: glib-2.0
// ldflags: -lglib-2.0
/* GLib's own autoptr/autofree macros, through <glib.h>: g_autofree,
   g_autoptr(T) (the attribute and the type T_autoptr), g_auto(T), and
   g_steal_pointer keeping the cleanup quiet.  */
#include <glib.h>
#include <stdio.h>

static gchar *
greeting (const gchar *name)
{
  g_autofree gchar *upper = g_ascii_strup (name, -1);
  g_autofree gchar *unused = NULL;
  g_autoptr (GString) s = g_string_new ("hello ");
  g_string_append (s, upper);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static guint
count_words (const gchar *text)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  return g_strv_length (words);
}

int
main (void)
{
  g_autofree gchar *g = greeting ("world");
  printf ("%s\n", g);
  printf ("%u\n", count_words ("a b c d"));
  for (int i = 0; i < 2; i++)
    {
      g_autoptr (GPtrArray) a = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (a, g_strdup_printf ("%d", i));
      printf ("%s\n", (const gchar *) g_ptr_array_index (a, 0));
    }
  return 0;
}
//> hello WORLD
//> 4
//> 0
//> 1
