// the model cache outlives the IT's clone folder: start every run of this IT with an empty one
new File(basedir, 'ci-cache/models').deleteDir()
return true
